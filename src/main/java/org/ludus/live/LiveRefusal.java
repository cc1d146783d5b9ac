package org.ludus.live;

/** A live message is refused: the transaction rolls back and only the sender gets an error frame. */
public class LiveRefusal extends RuntimeException {

    private final String code;

    public LiveRefusal(String code, String message) {
        super(message);
        this.code = code;
    }

    public LiveRefusal(String code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    /** One of the error codes of docs/protocol.md. */
    public String code() {
        return code;
    }
}
