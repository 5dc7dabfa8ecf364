package org.kontor.common;

/** The caller's role may not use this endpoint or change this setting at all. */
public class Forbidden extends RuntimeException {
    public Forbidden(String message) {
        super(message);
    }
}
