package org.kontor.api;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** Zendesk's side-loading parameter: {@code ?include=users,groups}. Names an endpoint does not offer are ignored. */
public final class Include {
    private Include() {
    }

    public static Set<String> from(HttpServletRequest request) {
        String[] values = request.getParameterValues("include");
        if (values == null) {
            return Set.of();
        }
        return Arrays.stream(values).flatMap(v -> Arrays.stream(v.split(",")))
                .map(s -> s.trim().toLowerCase(Locale.ROOT)).filter(s -> !s.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }
}
