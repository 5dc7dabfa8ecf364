package org.kontor.common;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One or more field values that are not acceptable; answered as 422 RecordInvalid with details per field.
 * Each error carries Zendesk's English text (what the API answers) and, where the domain gave one, a message
 * key with arguments, so a web page can say the same in its user's language.
 */
public class InvalidInput extends RuntimeException {
    /** One field's error: the API's English text, and the key + arguments of its translation (key may be null). */
    public record FieldError(String field, String text, String code, Object... args) {
    }

    private final List<FieldError> fieldErrors;

    public InvalidInput(String field, String message) {
        this(Map.of(field, List.of(message)));
    }

    public InvalidInput(Map<String, List<String>> errors) {
        this(toFieldErrors(errors));
    }

    public InvalidInput(List<FieldError> fieldErrors) {
        super(fieldErrors.stream().map(FieldError::text).toList().toString());
        this.fieldErrors = List.copyOf(fieldErrors);
    }

    /** A single translatable error; {@code args} fill both the key's message and nothing else (text is final). */
    public static InvalidInput of(String field, String code, String text, Object... args) {
        return new InvalidInput(List.of(new FieldError(field, text, code, args)));
    }

    private static List<FieldError> toFieldErrors(Map<String, List<String>> errors) {
        List<FieldError> out = new ArrayList<>();
        errors.forEach((field, messages) -> messages.forEach(m -> out.add(new FieldError(field, m, null))));
        return out;
    }

    public Map<String, List<String>> errors() {
        Map<String, List<String>> errors = new LinkedHashMap<>();
        fieldErrors.forEach(e -> errors.computeIfAbsent(e.field(), k -> new ArrayList<>()).add(e.text()));
        return errors;
    }

    public List<FieldError> fieldErrors() {
        return fieldErrors;
    }
}
