package org.ludus.testapps.probe;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.ludus.live.Live;
import org.ludus.page.Page;

@ApplicationScoped
public class ProbePage extends Page<ProbePlayer> {

    private static final Logger LOG = Logger.getLogger(ProbePage.class.getName());

    /**
     * {@code action}: "count" increments the group's counter and broadcasts it; "fail" does the same writes,
     * then throws; "send" returns {@code to} as the live method's return value (keys are ids in group);
     * "loop" increments, then spins until its thread is interrupted (a live method that never returns);
     * "slow" counts, holding the group's lock {@code millis} ms, and logs that it does (an author's ordinary log
     * line on the live path, which tests also wait for); "lock" counts, waits {@code millis} ms, then
     * locks group {@code group} too (two of them crosswise deadlock).
     */
    public record Probe(String action, Map<String, Object> to, Integer millis, Long group) {
    }

    @PersistenceContext
    EntityManager em;

    @Live
    public Map<Integer, Object> live(ProbePlayer player, Probe probe) {
        ProbeGroup group = player.getGroup();
        switch (probe.action()) {
            case "count" -> {
                int counter = group.increment();
                em.persist(new ProbeNote(group, "count " + counter));
                return Map.of(0, Map.of("counter", counter, "from", player.getIdInGroup()));
            }
            case "fail" -> {
                group.increment();
                em.persist(new ProbeNote(group, "fail"));
                em.flush(); // the writes reach the database before the failure: rollback must undo them
                throw new IllegalStateException("failing on purpose");
            }
            case "send" -> {
                var out = new HashMap<Integer, Object>();
                probe.to().forEach((id, payload) -> out.put(Integer.valueOf(id), payload));
                return out;
            }
            case "loop" -> {
                group.increment();
                em.flush();
                long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(60); // never this long in a test
                while (!Thread.currentThread().isInterrupted() && System.nanoTime() < giveUp) {
                    Thread.onSpinWait();
                }
                throw new IllegalStateException("the loop was interrupted");
            }
            case "slow", "lock" -> {
                int counter = group.increment();
                if ("slow".equals(probe.action())) {
                    LOG.info("probe: counter " + counter + ", holding the group's lock for " + probe.millis() + " ms");
                }
                sleep(probe.millis());
                if ("lock".equals(probe.action())) {
                    em.find(ProbeGroup.class, probe.group(), LockModeType.PESSIMISTIC_WRITE).increment();
                }
                return Map.of(0, Map.of("counter", counter, "from", player.getIdInGroup()));
            }
            default -> throw new IllegalArgumentException("unknown action " + probe.action());
        }
    }

    private static void sleep(Integer millis) {
        try {
            Thread.sleep(millis == null ? 0 : millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
