package org.kontor.ticket;

/**
 * A field of an update that the client sent: {@code null} (the Patch itself) means "not sent, leave it";
 * a Patch holding null means "clear it". JSON's absent and {@code null} differ, and so do these.
 */
public record Patch<T>(T value) {
    public static <T> Patch<T> of(T value) {
        return new Patch<>(value);
    }
}
