package org.kontor.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.kontor.api.ApiErrors;
import org.kontor.user.UserService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * Two chains: the stateless REST API (HTTP Basic with password or API token, no cookies, no CSRF because
 * nothing rides on ambient credentials), and the web pages (session sign-in with CSRF protection, failed
 * sign-ins throttled): {@code /agent/**} for agents and admins, {@code /admin/**} for admins, the Help Center
 * {@code /hc/**} for anyone signed in; the password-link and sign-up pages for anyone.
 * Paths here have {@code .json} already stripped by the API's suffix filter.
 */
@Configuration
class SecurityConfig {
    private static final String AGENT = "AGENT";
    private static final String ADMIN = "ADMIN";
    private static final String USER_ID = "/api/v2/users/{id:[0-9]+}";

    /**
     * Downloads of files ({@code content_url}): the same address for web pages (session) and API clients (HTTP
     * Basic, never remembered in a session); the attachment use case asks the access policy. Without credentials a
     * browser is sent to sign in and comes back, anything else gets 401.
     */
    @Bean
    @Order(0)
    SecurityFilterChain files(HttpSecurity http, UserService users, ApiTokenService tokens, PasswordEncoder encoder,
                              ApiSignInCache signIns, ApiRateLimits rateLimits) throws Exception {
        org.springframework.security.web.savedrequest.HttpSessionRequestCache cache =
                new org.springframework.security.web.savedrequest.HttpSessionRequestCache();
        http.securityMatcher("/attachments/**")
                .csrf(c -> c.disable())
                .requestCache(c -> c.requestCache(cache))
                .addFilterBefore(new ApiAuthenticationFilter(users, tokens, encoder, signIns, rateLimits), BasicAuthenticationFilter.class)
                .exceptionHandling(e -> e.authenticationEntryPoint((req, res, ex) -> {
                    String accept = req.getHeader("Accept");
                    if (accept != null && accept.contains("text/html")) {
                        cache.saveRequest(req, res);
                        res.sendRedirect(req.getContextPath() + "/login");
                        return;
                    }
                    res.setHeader("WWW-Authenticate", "Basic realm=\"Kontor API\"");
                    ApiErrors.write(res, 401, "Couldn't authenticate you", "Credentials are required");
                }))
                .authorizeHttpRequests(a -> a.requestMatchers(HttpMethod.GET, "/attachments/*").authenticated()
                        .anyRequest().denyAll());
        return http.build();
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, UserService users, ApiTokenService tokens, PasswordEncoder encoder,
                            ApiSignInCache signIns, ApiRateLimits rateLimits) throws Exception {
        http.securityMatcher("/api/**")
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(c -> c.disable())
                .addFilterBefore(new ApiAuthenticationFilter(users, tokens, encoder, signIns, rateLimits), BasicAuthenticationFilter.class)
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((req, res, ex) -> {
                            res.setHeader("WWW-Authenticate", "Basic realm=\"Kontor API\"");
                            ApiErrors.write(res, 401, "Couldn't authenticate you", "Credentials are required");
                        })
                        .accessDeniedHandler((req, res, ex) ->
                                ApiErrors.write(res, 403, "Forbidden", "You do not have access to this resource")))
                .authorizeHttpRequests(a -> a
                        // The knowledge base is public to read (published articles); writing is for agents.
                        .requestMatchers(HttpMethod.GET, "/api/v2/help_center/**").permitAll()
                        // End users: their own view of tickets and their own profile.
                        .requestMatchers("/api/v2/requests", "/api/v2/requests/**").authenticated()
                        // Everyone uploads files for their own comments; the access policy decides who sees a file.
                        .requestMatchers(HttpMethod.POST, "/api/v2/uploads").authenticated()
                        .requestMatchers(HttpMethod.DELETE, "/api/v2/uploads/*").authenticated()
                        .requestMatchers(HttpMethod.GET, "/api/v2/attachments/*").authenticated()
                        // Only numeric ids: "/users/*" would also open users/search, autocomplete and show_many.
                        .requestMatchers(HttpMethod.GET, "/api/v2/users/me").authenticated()
                        .requestMatchers(HttpMethod.GET, USER_ID).authenticated()
                        .requestMatchers(HttpMethod.PUT, USER_ID).authenticated()
                        .requestMatchers(HttpMethod.PUT, USER_ID + "/password").authenticated()
                        // Admins: settings, tokens and the account's structure.
                        .requestMatchers(HttpMethod.GET, "/api/v2/account/settings").hasRole(AGENT)
                        .requestMatchers("/api/v2/account/**").hasRole(ADMIN)
                        .requestMatchers("/api/v2/api_tokens", "/api/v2/api_tokens/**").hasRole(ADMIN)
                        .requestMatchers(HttpMethod.POST, "/api/v2/users/*/password").hasRole(ADMIN)
                        // Inbound email (issue 6): MTAs push with an admin's API token; support addresses are admin business.
                        .requestMatchers("/api/v2/channels/email/**", "/api/v2/kontor/mailboxes", "/api/v2/kontor/mailboxes/**",
                                "/api/v2/kontor/inbound_emails", "/api/v2/kontor/inbound_emails/**").hasRole(ADMIN)
                        .requestMatchers(HttpMethod.GET, "/api/v2/organizations/**", "/api/v2/groups/**",
                                "/api/v2/group_memberships/**", "/api/v2/organizations", "/api/v2/groups",
                                "/api/v2/group_memberships").hasRole(AGENT)
                        .requestMatchers("/api/v2/organizations", "/api/v2/organizations/**", "/api/v2/groups",
                                "/api/v2/groups/**", "/api/v2/group_memberships", "/api/v2/group_memberships/**").hasRole(ADMIN)
                        .anyRequest().hasRole(AGENT));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain web(HttpSecurity http, LoginThrottle throttle, SessionRegistry sessions) throws Exception {
        http.authorizeHttpRequests(a -> a
                        .requestMatchers("/login", "/error", "/actuator/health", "/actuator/health/**", "/webjars/**",
                                "/css/**", "/js/**").permitAll()
                        .requestMatchers("/agent", "/agent/**").hasRole(AGENT)
                        .requestMatchers("/admin", "/admin/**").hasRole(ADMIN)
                        // The Help Center's public part: home, published articles, and search (articles only when anonymous).
                        .requestMatchers(HttpMethod.GET, "/hc", "/hc/search", "/hc/articles/**").permitAll()
                        // Forgotten password, the emailed set-password link, and sign-up (404 unless the admin allows it).
                        .requestMatchers("/password/reset", "/password/reset/*", "/hc/signup").permitAll()
                        .anyRequest().authenticated())
                .addFilterBefore(new LoginThrottleFilter(throttle), UsernamePasswordAuthenticationFilter.class)
                .formLogin(f -> f.loginPage("/login")
                        .successHandler(landing())
                        .failureHandler((req, res, ex) -> {
                            throttle.failed(req.getRemoteAddr(), req.getParameter("username"));
                            res.sendRedirect(req.getContextPath() + "/login?error");
                        })
                        .permitAll())
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout").permitAll())
                // Unlimited sessions per user, but registered, so a password change can end them (WebSessions).
                .sessionManagement(s -> s.maximumSessions(-1).sessionRegistry(sessions).expiredUrl("/login?expired"))
                .exceptionHandling(e -> e.accessDeniedHandler(SecurityConfig::denied));
        return http.build();
    }

    /** After sign-in: the page that was asked for, otherwise "/", which sends each role to its area. */
    private static SavedRequestAwareAuthenticationSuccessHandler landing() {
        SavedRequestAwareAuthenticationSuccessHandler handler = new SavedRequestAwareAuthenticationSuccessHandler();
        handler.setDefaultTargetUrl("/");
        return handler;
    }

    /** An end user who opens agent or admin pages is sent to the Help Center; an agent on admin pages gets 403. */
    private static void denied(HttpServletRequest req, HttpServletResponse res, AccessDeniedException ex) throws IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof KontorUser user && !user.actor().isAgent()) {
            res.sendRedirect(req.getContextPath() + "/hc");
            return;
        }
        res.sendError(HttpServletResponse.SC_FORBIDDEN);
    }
}
