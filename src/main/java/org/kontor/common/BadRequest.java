package org.kontor.common;

/** The request itself is malformed (bad parameter, pagination beyond limits). */
public class BadRequest extends RuntimeException {
    public BadRequest(String message) {
        super(message);
    }
}
