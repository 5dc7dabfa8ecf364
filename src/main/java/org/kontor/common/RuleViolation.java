package org.kontor.common;

/**
 * A request that a numbered product rule (PRODUCT.md) forbids. The API answers 422 RecordInvalid
 * naming the rule, so a client can tell "invalid value" from "not allowed in this state".
 */
public class RuleViolation extends RuntimeException {
    private final String rule;
    private final String field;

    public RuleViolation(String rule, String field, String message) {
        super(message);
        this.rule = rule;
        this.field = field;
    }

    public RuleViolation(String rule, String message) {
        this(rule, "base", message);
    }

    public String rule() {
        return rule;
    }

    public String field() {
        return field;
    }
}
