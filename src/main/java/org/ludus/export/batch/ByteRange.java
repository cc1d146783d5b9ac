package org.ludus.export.batch;

import java.util.Optional;

/**
 * One byte range of a file, from a {@code Range: bytes=first-last} header (RFC 9110 §14.1.2): {@code first-last},
 * {@code first-} (to the end) or {@code -n} (the last n bytes). Several ranges, or another unit, are answered with
 * the whole file, as the RFC lets a server do.
 */
record ByteRange(long first, long last, boolean unsatisfiable) {

    static Optional<ByteRange> parse(String header, long length) {
        if (header == null || !header.startsWith("bytes=") || header.indexOf(',') >= 0) {
            return Optional.empty();
        }
        String spec = header.substring("bytes=".length()).strip();
        int dash = spec.indexOf('-');
        if (dash < 0) {
            return Optional.empty();
        }
        try {
            String from = spec.substring(0, dash).strip();
            String to = spec.substring(dash + 1).strip();
            if (from.isEmpty()) { // the last n bytes
                long n = Long.parseLong(to);
                return Optional.of(n <= 0 || length == 0 ? new ByteRange(0, 0, true)
                        : new ByteRange(Math.max(0, length - n), length - 1, false));
            }
            long first = Long.parseLong(from);
            long last = to.isEmpty() ? length - 1 : Math.min(Long.parseLong(to), length - 1);
            if (first < 0 || (!to.isEmpty() && Long.parseLong(to) < first)) {
                return Optional.empty(); // not a range the RFC knows: ignored
            }
            return Optional.of(first >= length ? new ByteRange(0, 0, true) : new ByteRange(first, last, false));
        } catch (NumberFormatException notNumbers) {
            return Optional.empty();
        }
    }
}
