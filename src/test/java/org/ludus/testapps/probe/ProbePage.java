package org.ludus.testapps.probe;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.HashMap;
import java.util.Map;
import org.ludus.live.Live;
import org.ludus.page.Page;

@ApplicationScoped
public class ProbePage extends Page<ProbePlayer> {

    /**
     * {@code action}: "count" increments the group's counter and broadcasts it; "fail" does the same writes,
     * then throws; "send" returns {@code to} as the live method's return value (keys are ids in group).
     */
    public record Probe(String action, Map<String, Object> to) {
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
            default -> throw new IllegalArgumentException("unknown action " + probe.action());
        }
    }
}
