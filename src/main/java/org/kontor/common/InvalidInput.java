package org.kontor.common;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One or more field values that are not acceptable; answered as 422 RecordInvalid with details per field. */
public class InvalidInput extends RuntimeException {
    private final Map<String, List<String>> errors;

    public InvalidInput(String field, String message) {
        this(Map.of(field, List.of(message)));
    }

    public InvalidInput(Map<String, List<String>> errors) {
        super(errors.toString());
        this.errors = new LinkedHashMap<>(errors);
    }

    public Map<String, List<String>> errors() {
        return errors;
    }
}
