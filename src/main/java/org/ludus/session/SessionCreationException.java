package org.ludus.session;

/** A session cannot be created as asked (unknown config, bad participant count, unknown field). */
public class SessionCreationException extends RuntimeException {
    public SessionCreationException(String message) {
        super(message);
    }
}
