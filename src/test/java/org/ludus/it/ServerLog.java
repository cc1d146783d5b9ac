package org.ludus.it;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The test server's server.log, whose lines are JSON (wildfly-config/json-logs.cli): the records written since
 * a mark, parsed, and a wait for one (on the file's change events, with a timeout).
 */
final class ServerLog {

    private final Path file;

    ServerLog(Path file) {
        this.file = file;
    }

    /** The Arquillian server's log (target/wildfly-it). */
    static ServerLog ofTestServer() {
        return new ServerLog(Path.of(System.getProperty("jboss.home"), "standalone", "log", "server.log"));
    }

    /** Where the log ends now: records after it are {@link #since}. */
    long mark() {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The complete lines written after the mark, each parsed (a line that is not JSON fails the test). */
    List<JsonObject> since(long mark) {
        String text;
        try (var in = new RandomAccessFile(file.toFile(), "r")) {
            byte[] bytes = new byte[(int) Math.max(0, in.length() - mark)];
            in.seek(mark);
            in.readFully(bytes);
            text = new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var records = new ArrayList<JsonObject>();
        int end = text.lastIndexOf('\n'); // a line still being written is left for the next look
        for (String line : text.substring(0, Math.max(end, 0)).split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            try (var reader = Json.createReader(new StringReader(line))) {
                records.add(reader.readObject());
            } catch (JsonException e) {
                throw new AssertionError("server.log has a line that is not JSON: " + line, e);
            }
        }
        return records;
    }

    /** The first record after the mark that matches, waiting for it if it is not there yet. */
    JsonObject await(long mark, Predicate<JsonObject> wanted, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (WatchService watcher = FileSystems.getDefault().newWatchService()) {
            file.getParent().register(watcher, StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.ENTRY_CREATE);
            while (true) {
                for (JsonObject record : since(mark)) { // looked at after registering: no write is missed
                    if (wanted.test(record)) {
                        return record;
                    }
                }
                long left = deadline - System.nanoTime();
                var key = left > 0 ? watcher.poll(left, TimeUnit.NANOSECONDS) : null;
                if (key == null) {
                    throw new AssertionError("server.log got no such record within " + timeout);
                }
                key.pollEvents();
                key.reset();
            }
        } catch (IOException | ClosedWatchServiceException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The record's MDC value for {@code key}, or null. */
    static String mdc(JsonObject record, String key) {
        JsonObject mdc = record.getJsonObject("mdc");
        return mdc == null || !mdc.containsKey(key) ? null : mdc.getString(key);
    }

    static String message(JsonObject record) {
        return record.getString("message", "");
    }
}
