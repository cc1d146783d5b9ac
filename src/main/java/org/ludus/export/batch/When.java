package org.ludus.export.batch;

import com.cronutils.model.Cron;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * When a schedule fires: a cron expression in a time zone (Unix's five fields, {@code 0 2 * * *} at two at
 * night; or six, seconds first, {@code 0 *&#47;15 * * * *}), or every N minutes from the hour. Parsed and computed
 * by cron-utils; daylight saving is the zone's.
 */
public record When(String cron, ZoneId zone, Integer everyMinutes) {

    private static final CronParser UNIX = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));
    private static final CronParser WITH_SECONDS = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.SPRING));
    /** A firing later than this was missed (the server was down), not merely late. */
    static final Duration MISSED_AFTER = Duration.ofMinutes(1);

    /**
     * @throws IllegalArgumentException naming what is wrong: not exactly one of cron and every_minutes, a cron
     *     expression that is not one, an unknown time zone, minutes out of 1 to 10,080 (a week)
     */
    public static When of(String cron, String zone, Integer everyMinutes) {
        if ((cron == null) == (everyMinutes == null)) {
            throw new IllegalArgumentException("when: give either cron (with time_zone) or every_minutes");
        }
        ZoneId zoneId;
        try {
            zoneId = ZoneId.of(zone == null ? "UTC" : zone);
        } catch (DateTimeException unknown) {
            throw new IllegalArgumentException("time_zone: '" + zone + "' is not a time zone (e.g. Europe/Berlin, UTC)");
        }
        if (everyMinutes != null) {
            if (everyMinutes < 1 || everyMinutes > 10_080) {
                throw new IllegalArgumentException("every_minutes: from 1 to 10080 (a week)");
            }
            return new When(null, zoneId, everyMinutes);
        }
        if (cron.length() > 200) {
            throw new IllegalArgumentException("cron: at most 200 characters");
        }
        When when = new When(cron.strip(), zoneId, null);
        when.parsed(); // refuses what is not one
        return when;
    }

    private Cron parsed() {
        int fields = cron.split("\\s+").length;
        try {
            return switch (fields) {
                case 5 -> UNIX.parse(cron).validate();
                case 6 -> WITH_SECONDS.parse(cron).validate();
                default -> throw new IllegalArgumentException("5 or 6 fields");
            };
        } catch (IllegalArgumentException bad) {
            throw new IllegalArgumentException("cron: '" + cron + "' is not a cron expression (five fields, as"
                    + " '0 2 * * *'; or six with seconds first): " + bad.getMessage());
        }
    }

    /** The first firing after {@code after}. */
    public Instant next(Instant after) {
        if (everyMinutes != null) {
            long period = Duration.ofMinutes(everyMinutes).toMillis();
            return Instant.ofEpochMilli((after.toEpochMilli() / period + 1) * period);
        }
        return ExecutionTime.forCron(parsed()).nextExecution(ZonedDateTime.ofInstant(after, zone))
                .map(ZonedDateTime::toInstant)
                .orElseThrow(() -> new IllegalArgumentException("cron: '" + cron + "' never fires"));
    }

    /** What a tick at {@code now} does with a firing due at {@code due}. */
    enum Decision { RUN, SKIP_MISSED }

    static Decision decide(Instant due, Instant now, boolean runMissed) {
        boolean missed = due.isBefore(now.minus(MISSED_AFTER));
        return missed && !runMissed ? Decision.SKIP_MISSED : Decision.RUN;
    }
}
