package org.kontor.common;

/** A concurrent change won (safe_update collision, duplicate unique value); the client may retry. */
public class Conflict extends RuntimeException {
    public Conflict(String message) {
        super(message);
    }
}
