package org.ludus.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.ludus.JsonText;
import org.ludus.live.LiveMessageApplied;

/**
 * The recent committed live messages of each session, for the monitor's chart: one point per message, its
 * time and a value: the first number in its data (the auction's bid), else the group's message count.
 * Empty messages ({@code {}}, {@code null}) are left out: pages send them to ask for the state on load.
 * Kept in memory on this node only, the last {@link #MAX_POINTS} per session: the chart is for watching,
 * the export is for analysis.
 */
@ApplicationScoped
public class LiveActivity {

    static final int MAX_POINTS = 2000;

    /** {@code t}: epoch milliseconds; {@code series}: the group, e.g. "auction r1 g2". */
    public record Point(long t, String series, double y) {
    }

    private final Map<String, Deque<Point>> bySession = new ConcurrentHashMap<>();
    private final Map<String, Integer> countBySeries = new ConcurrentHashMap<>();

    void onApplied(@Observes LiveMessageApplied message) {
        if (isEmpty(message.dataJson())) {
            return;
        }
        String series = message.appName() + " r" + message.round() + " g" + message.groupIdInSubsession();
        int count = countBySeries.merge(message.sessionCode() + "/" + series, 1, Integer::sum);
        Double number = firstNumber(message.dataJson());
        var point = new Point(message.at().toEpochMilli(), series, number != null ? number : count);
        Deque<Point> points = bySession.computeIfAbsent(message.sessionCode(), code -> new ArrayDeque<>());
        synchronized (points) {
            points.addLast(point);
            if (points.size() > MAX_POINTS) {
                points.removeFirst();
            }
        }
    }

    public List<Point> of(String sessionCode) {
        Deque<Point> points = bySession.get(sessionCode);
        if (points == null) {
            return List.of();
        }
        synchronized (points) {
            return List.copyOf(points);
        }
    }

    static boolean isEmpty(String json) {
        String text = json.strip();
        return text.equals("null") || text.replace(" ", "").equals("{}");
    }

    static Double firstNumber(String json) {
        try {
            JsonValue value = JsonText.readValue(json);
            if (value instanceof JsonNumber number) {
                return number.doubleValue();
            }
            if (value instanceof JsonObject object) {
                for (JsonValue field : object.values()) {
                    if (field instanceof JsonNumber number) {
                        return number.doubleValue();
                    }
                    if (field instanceof jakarta.json.JsonString text) {
                        try {
                            return Double.parseDouble(text.getString());
                        } catch (NumberFormatException notANumber) {
                            // keep looking
                        }
                    }
                }
            }
            return null;
        } catch (RuntimeException e) {
            return null;
        }
    }
}
