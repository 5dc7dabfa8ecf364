package org.kontor.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Zendesk routes every endpoint with and without {@code .json}; clients mostly send the suffix. Stripping it
 * before security and MVC see the path means every rule and mapping is written once.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class JsonSuffixFilter extends OncePerRequestFilter {
    static final String ORIGINAL_PATH = JsonSuffixFilter.class.getName() + ".path";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String uri = request.getRequestURI();
        String context = request.getContextPath();
        if (!uri.startsWith(context + "/api/") || !uri.endsWith(".json")) {
            chain.doFilter(request, response);
            return;
        }
        String stripped = uri.substring(0, uri.length() - ".json".length());
        request.setAttribute(ORIGINAL_PATH, uri);
        chain.doFilter(new HttpServletRequestWrapper(request) {
            @Override
            public String getRequestURI() {
                return stripped;
            }

            @Override
            public StringBuffer getRequestURL() {
                StringBuffer url = super.getRequestURL();
                url.setLength(url.length() - ".json".length());
                return url;
            }

            @Override
            public String getServletPath() {
                String sp = super.getServletPath();
                return sp.endsWith(".json") ? sp.substring(0, sp.length() - ".json".length()) : sp;
            }
        }, response);
    }
}
