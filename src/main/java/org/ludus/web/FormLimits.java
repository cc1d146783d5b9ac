package org.ludus.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;

/**
 * A posted form over the limits is answered 400 with a plain message, before any servlet reads it: more than
 * Undertow's {@code max-parameters} (1,000 fields; wildfly-config/configure-ludus.cli), from which Undertow
 * throws in {@code getParameter} (UT000047, which surfaced as a 500), or a body over {@value #MAX_BYTES} bytes
 * or of undeclared length, which is refused unread: such a body is not buffered by the listener
 * (configure-ludus.cli), and reading it slowly would hold a worker thread.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class FormLimits extends HttpFilter {

    static final String MESSAGE = "This form has too many fields or is too large for this server.";
    public static final long MAX_BYTES = 1024 * 1024;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!refused(request, response)) {
            chain.doFilter(request, response);
        }
    }

    /**
     * Reads a posted form once (the servlet container keeps what it read) and answers 400 if it is over the
     * limits; true then. For filters that read form fields themselves and may run before this one.
     */
    public static boolean refused(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String type = request.getContentType();
        if (!"POST".equals(request.getMethod()) || type == null) {
            return false;
        }
        type = type.toLowerCase(Locale.ROOT);
        if (!type.startsWith("application/x-www-form-urlencoded") && !type.startsWith("multipart/form-data")) {
            return false;
        }
        long length = request.getContentLengthLong();
        if (length < 0 || length > MAX_BYTES) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, MESSAGE);
            return true;
        }
        try {
            if (request.getCharacterEncoding() == null) {
                request.setCharacterEncoding("UTF-8");
            }
            request.getParameterMap();
            return false;
        } catch (RuntimeException e) {
            // Undertow wraps what it refuses (ParameterLimitException UT000047, RequestTooBigException): a form
            // fails to parse only because of what the client sent, or because it went away
            if (!response.isCommitted()) {
                response.sendError(HttpServletResponse.SC_BAD_REQUEST, MESSAGE);
            }
            return true;
        }
    }
}
