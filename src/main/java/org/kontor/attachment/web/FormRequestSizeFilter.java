package org.kontor.attachment.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import org.kontor.attachment.AttachmentSettings;
import org.kontor.attachment.AttachmentView;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A web form larger than the servlet's multipart limit ({@code spring.servlet.multipart.max-request-size}) cannot be
 * parsed, so neither its CSRF token nor its fields would reach Kontor: the CSRF check would refuse it as a forgery.
 * Such a form is answered 413 before that check, with the page {@code error/413} in the user's language linking back
 * to the form. Smaller forms reach their controllers, which apply the attachment limit themselves (FormUploads).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class FormRequestSizeFilter extends OncePerRequestFilter {
    private final long maxRequestBytes;
    private final AttachmentSettings settings;

    FormRequestSizeFilter(@Value("${spring.servlet.multipart.max-request-size:10MB}") DataSize maxRequestSize,
                          AttachmentSettings settings) {
        this.maxRequestBytes = maxRequestSize.toBytes();
        this.settings = settings;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String type = request.getContentType();
        return maxRequestBytes < 0 || !"POST".equals(request.getMethod())
                || request.getRequestURI().startsWith(request.getContextPath() + "/api/")
                || type == null || !type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > maxRequestBytes) {
            // Request attributes outlive the error dispatch: the page error/413 reads them.
            request.setAttribute("formBack", back(request));
            request.setAttribute("formMaxRequest", AttachmentView.sizeLabel(maxRequestBytes));
            request.setAttribute("formMaxFile", AttachmentView.sizeLabel(settings.maxBytes()));
            response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
            return;
        }
        chain.doFilter(request, response);
    }

    /** Only a path on this site (the Referer's host is not trusted): never a link elsewhere. */
    private static String back(HttpServletRequest request) {
        String referer = request.getHeader("Referer");
        if (referer != null) {
            try {
                URI uri = URI.create(referer);
                String path = uri.getRawPath();
                if (path != null && path.startsWith(request.getContextPath() + "/") && !path.startsWith("//")) {
                    return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
                }
            } catch (IllegalArgumentException e) {
                // an unreadable Referer: the link goes home instead
            }
        }
        return request.getContextPath() + "/";
    }
}
