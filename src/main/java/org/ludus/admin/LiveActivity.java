package org.ludus.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ludus.JsonText;
import org.ludus.live.LiveMessageApplied;

/**
 * The recent committed live messages of each session, for the monitor's chart: one point per message, its
 * time and a value: the first number in its data (the auction's bid), else the group's message count.
 * Empty messages ({@code {}}, {@code null}) are left out: pages send them to ask for the state on load.
 * Kept in memory on this node only, the last {@link #MAX_POINTS} per session, for the {@link #MAX_SESSIONS}
 * sessions that had messages most recently: the chart is for watching, the exports are for analysis.
 */
@ApplicationScoped
public class LiveActivity {

    static final int MAX_POINTS = 2000;

    /** Sessions whose activity is kept: the ones that had messages most recently. */
    static final int MAX_SESSIONS = 200;

    /** {@code t}: epoch milliseconds; {@code series}: the group, e.g. "auction r1 g2". */
    public record Point(long t, String series, double y) {
    }

    /** One session's recent points, and each group's message count (the value of messages without a number). */
    private static final class Activity {
        final ArrayDeque<Point> points = new ArrayDeque<>();
        final Map<String, Integer> countBySeries = new HashMap<>();
    }

    /** Least recently active first; the oldest session is dropped past MAX_SESSIONS. */
    private final Map<String, Activity> bySession = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Activity> eldest) {
            return size() > MAX_SESSIONS;
        }
    };

    void onApplied(@Observes LiveMessageApplied message) {
        if (isEmpty(message.dataJson())) {
            return;
        }
        String series = message.appName() + " r" + message.round() + " g" + message.groupIdInSubsession();
        Double number = firstNumber(message.dataJson());
        synchronized (bySession) {
            Activity activity = bySession.computeIfAbsent(message.sessionCode(), code -> new Activity());
            int count = activity.countBySeries.merge(series, 1, Integer::sum);
            activity.points.addLast(new Point(message.at().toEpochMilli(), series, number != null ? number : count));
            if (activity.points.size() > MAX_POINTS) {
                activity.points.removeFirst();
            }
        }
    }

    public List<Point> of(String sessionCode) {
        synchronized (bySession) {
            Activity activity = bySession.get(sessionCode);
            return activity == null ? List.of() : List.copyOf(activity.points);
        }
    }

    /** Sessions whose activity is kept (for tests: it stays bounded). */
    int sessions() {
        synchronized (bySession) {
            return bySession.size();
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
