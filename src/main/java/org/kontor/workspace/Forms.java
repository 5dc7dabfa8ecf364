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

    /**
     * The messages of a refusal in the page's language: a rule's own explanation, and field errors by their
     * message key (the domain's English text where it gave no key).
     */
    public static List<String> errors(RuntimeException e, MessageSource messages) {
        List<String> out = new ArrayList<>();
        if (e instanceof RuleViolation rule) {
            out.add(messages.getMessage("ws.rule." + rule.rule(), null, rule.getMessage(), LocaleContextHolder.getLocale()));
        } else if (e instanceof InvalidInput invalid) {
            invalid.fieldErrors().forEach(error -> out.add(localized(error, messages)));
        } else {
            out.add(e.getMessage());
        }
        return out;
    }

    /** Arguments that are field errors themselves (e.g. the requester's own error) are translated too. */
    static String localized(InvalidInput.FieldError error, MessageSource messages) {
        if (error.code() == null) {
            return error.text();
        }
        Object[] args = error.args() == null ? new Object[0] : error.args().clone();
        for (int i = 0; i < args.length; i++) {
            if (args[i] instanceof InvalidInput.FieldError inner) {
                args[i] = localized(inner, messages);
            }
        }
        String message = messages.getMessage(error.code(), args, null, LocaleContextHolder.getLocale());
        return message == null ? error.text() : message;
    }
}
