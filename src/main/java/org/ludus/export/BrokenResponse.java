package org.ludus.export;

import io.undertow.servlet.handlers.ServletRequestContext;
import java.io.IOException;

/**
 * Ends a response that has started but cannot be finished by closing its connection, so the client sees a
 * broken download. The Servlet API has no such call: when a servlet fails after the response was committed,
 * Undertow (WildFly's web server) ends the chunked body normally, and a cut file would look complete.
 */
final class BrokenResponse {

    private BrokenResponse() {
    }

    /**
     * True if the connection was closed (HTTP/1.1) or the stream reset (HTTP/2 over TLS); false where the server
     * is not Undertow, or on an HTTP/2 connection upgraded from cleartext, where Undertow cannot reset the
     * stream (configure-ludus.cli turns that upgrade off).
     */
    static boolean abortCurrent() {
        try {
            ServletRequestContext context = ServletRequestContext.current();
            if (context == null) {
                return false;
            }
            context.getExchange().getConnection().close();
            return true;
        } catch (IOException | LinkageError | NullPointerException notUndertowOrUpgradedOrAlreadyClosed) {
            return false;
        }
    }
}
