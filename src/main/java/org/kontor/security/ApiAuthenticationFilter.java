package org.kontor.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.kontor.api.ApiErrors;
import org.kontor.user.User;
import org.kontor.user.UserService;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Zendesk's API authentication over HTTP Basic: {@code email/token:API_TOKEN} or {@code email:password}.
 * Wrong credentials answer 401 at once; a request without credentials goes on and is refused by the rules. A
 * signed-in caller over the API rate limit answers 429 ({@link ApiRateLimits}).
 */
class ApiAuthenticationFilter extends OncePerRequestFilter {
    private static final String TOKEN_SUFFIX = "/token";

    private final UserService users;
    private final ApiTokenService tokens;
    private final PasswordEncoder passwordEncoder;
    private final ApiSignInCache signIns;
    private final ApiRateLimits rateLimits;

    ApiAuthenticationFilter(UserService users, ApiTokenService tokens, PasswordEncoder passwordEncoder, ApiSignInCache signIns,
                            ApiRateLimits rateLimits) {
        this.rateLimits = rateLimits;
        this.users = users;
        this.tokens = tokens;
        this.passwordEncoder = passwordEncoder;
        this.signIns = signIns;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || header.isBlank()) {
            chain.doFilter(request, response);
            return;
        }
        Optional<KontorUser> user = authenticate(header.trim());
        if (user.isEmpty()) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"Kontor API\"");
            ApiErrors.write(response, 401, "Couldn't authenticate you", "Check the email address and the API token or password");
            return;
        }
        KontorUser principal = user.get();
        if (!rateLimits.admit(principal.actor().id(), response)) {
            return;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private Optional<KontorUser> authenticate(String header) {
        if (!header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0) {
            return Optional.empty();
        }
        String username = decoded.substring(0, colon);
        String secret = decoded.substring(colon + 1);
        if (username.endsWith(TOKEN_SUFFIX)) {
            String email = username.substring(0, username.length() - TOKEN_SUFFIX.length());
            String tokenHash = ApiTokenService.hash(secret);
            Optional<KontorUser> cached = signIns.get(email, tokenHash);
            if (cached.isPresent()) {
                return cached;
            }
            long seen = signIns.generation();
            if (!tokens.verify(secret)) {
                return Optional.empty();
            }
            Optional<KontorUser> user = users.findByEmail(email).filter(User::canSignIn).map(KontorUser::new);
            user.ifPresent(u -> signIns.put(email, tokenHash, u, seen));
            return user;
        }
        return users.findByEmail(username).filter(User::canSignIn)
                .filter(u -> u.getPasswordHash() != null && passwordEncoder.matches(secret, u.getPasswordHash()))
                .map(KontorUser::new);
    }
}
