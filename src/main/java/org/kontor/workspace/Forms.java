package org.kontor.workspace;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.kontor.common.InvalidInput;
import org.kontor.common.RuleViolation;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;

/** Turning form text into use-case input, and domain refusals into messages for the page. */
public final class Forms {
    private Forms() {
    }

    static List<String> tags(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.split("[\\s,]+")).filter(s -> !s.isBlank()).toList();
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /** The messages of a refusal: a rule's own explanation in the page's language, field errors as the domain wrote them. */
    public static List<String> errors(RuntimeException e, MessageSource messages) {
        List<String> out = new ArrayList<>();
        if (e instanceof RuleViolation rule) {
            out.add(messages.getMessage("ws.rule." + rule.rule(), null, rule.getMessage(), LocaleContextHolder.getLocale()));
        } else if (e instanceof InvalidInput invalid) {
            invalid.errors().values().forEach(out::addAll);
        } else {
            out.add(e.getMessage());
        }
        return out;
    }
}
