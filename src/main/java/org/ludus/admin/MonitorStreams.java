package org.ludus.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The open monitor streams per session; {@link MonitorTicker} sends each a snapshot when it changed. */
@ApplicationScoped
public class MonitorStreams {

    private record Stream(SseEventSink sink, Sse sse) {
    }

    @Inject
    SessionMonitor monitor;

    @Inject
    Jsonb jsonb;

    private final Map<String, Set<Stream>> bySession = new ConcurrentHashMap<>();
    private final Map<String, String> lastSent = new ConcurrentHashMap<>();

    /** Registers the stream and sends it the current snapshot; false if there is no such session. */
    boolean open(String code, SseEventSink sink, Sse sse) {
        Optional<SessionMonitor.Snapshot> snapshot = monitor.snapshot(code);
        if (snapshot.isEmpty()) {
            return false;
        }
        var stream = new Stream(sink, sse);
        send(stream, jsonb.toJson(snapshot.get()));
        bySession.computeIfAbsent(code, c -> ConcurrentHashMap.newKeySet()).add(stream);
        return true;
    }

    /** Sends every watched session's snapshot to its streams, if it differs from the last one sent. */
    void refresh() {
        for (var entry : bySession.entrySet()) {
            String code = entry.getKey();
            Set<Stream> streams = entry.getValue();
            streams.removeIf(stream -> stream.sink().isClosed());
            if (streams.isEmpty()) {
                bySession.remove(code, streams);
                lastSent.remove(code);
                continue;
            }
            String json = monitor.snapshot(code).map(jsonb::toJson).orElse(null);
            if (json == null || json.equals(lastSent.put(code, json))) {
                continue;
            }
            streams.forEach(stream -> send(stream, json));
        }
    }

    private static void send(Stream stream, String json) {
        stream.sink().send(stream.sse().newEventBuilder().name("snapshot").mediaType(MediaType.APPLICATION_JSON_TYPE)
                        .data(String.class, json).build())
                .exceptionally(failed -> {
                    stream.sink().close(); // the admin closed the tab; dropped at the next refresh
                    return null;
                });
    }
}
