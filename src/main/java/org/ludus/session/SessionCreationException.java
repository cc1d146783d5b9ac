package org.ludus.session;

/** A session cannot be created as asked (unknown config, bad participant count, unknown or bad field). */
public class SessionCreationException extends InvalidRequest {
    public SessionCreationException(String message) {
        super(message);
    }
}
