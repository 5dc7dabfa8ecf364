package org.kontor.security;

import org.kontor.api.ApiErrors;
import org.kontor.user.UserService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * Two chains: the stateless REST API (HTTP Basic with password or API token, no cookies, no CSRF because
 * nothing rides on ambient credentials), and the web pages (session sign-in with CSRF protection).
 * Paths here have {@code .json} already stripped by the API's suffix filter.
 */
@Configuration
class SecurityConfig {
    private static final String AGENT = "AGENT";
    private static final String ADMIN = "ADMIN";
    private static final String USER_ID = "/api/v2/users/{id:[0-9]+}";

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, UserService users, ApiTokenService tokens, PasswordEncoder encoder,
                            ApiSignInCache signIns) throws Exception {
        http.securityMatcher("/api/**")
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(c -> c.disable())
                .addFilterBefore(new ApiAuthenticationFilter(users, tokens, encoder, signIns), BasicAuthenticationFilter.class)
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
    SecurityFilterChain web(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(a -> a
                        .requestMatchers("/login", "/error", "/actuator/health", "/actuator/health/**", "/webjars/**", "/css/**")
                        .permitAll()
                        // The Help Center's public part: home, published articles, and search (articles only when anonymous).
                        .requestMatchers(HttpMethod.GET, "/hc", "/hc/search", "/hc/articles/**").permitAll()
                        .anyRequest().authenticated())
                .formLogin(f -> f.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout").permitAll());
        return http.build();
    }
}
