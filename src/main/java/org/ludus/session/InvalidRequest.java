package org.ludus.session;

/**
 * What a client asked for cannot be done as asked (a value of the wrong type or out of range, too large,
 * unknown): a 400 with this message on the REST API, an error shown on the page elsewhere. The message
 * names the field and the limit, never an internal class, table or column.
 */
public class InvalidRequest extends RuntimeException {
    public InvalidRequest(String message) {
        super(message);
    }
}
