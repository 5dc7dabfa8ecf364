package org.kontor.common;

/** The record does not exist, or the caller may not know that it exists: both answer 404. */
public class NotFound extends RuntimeException {
    public NotFound() {
        super("Not found");
    }
}
