package org.ludus.page;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import org.ludus.session.BaseGroup;
import org.ludus.session.BasePlayer;
import org.ludus.session.Participant;
import org.ludus.session.Subsession;

/**
 * Arrivals on wait pages. Arrivals of one group are serialized by the group's row lock (the subsession's
 * row for subsession-wide waits and grouping by arrival time), so exactly one arrival, the last, sees the
 * group complete and releases it; {@code afterAllPlayersArrive} runs once.
 */
@ApplicationScoped
public class WaitPages {

    @PersistenceContext
    EntityManager em;

    @Inject
    Players players;

    /** Records the arrival; returns the participants to move on (empty while others are still missing). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public List<Long> arrive(Participant participant, PageRef page, WaitPage waitPage, BasePlayer<?> player) {
        Subsession subsession = player.getSubsession();
        String playerEntity = players.entityName(page.app().playerClass());
        if (waitPage.waitForAllGroups() || waitPage.groupByArrivalTime()) {
            em.find(Subsession.class, subsession.getId(), LockModeType.PESSIMISTIC_WRITE);
        }
        if (waitPage.groupByArrivalTime()) {
            return arriveUngrouped(participant, page, waitPage, subsession, playerEntity);
        }
        // the entity itself, never Hibernate's lazy proxy: a public field set on a proxy would not be stored
        BaseGroup group = (BaseGroup) org.hibernate.Hibernate.unproxy(
                em.find(page.app().groupClass(), player.getGroupId(), LockModeType.PESSIMISTIC_WRITE));
        em.persist(new WaitArrival(subsession.getId(), page.index(), participant.getId(), group.getId(), Instant.now()));
        em.flush();
        if (waitPage.waitForAllGroups()) {
            long arrived = count("select count(a) from WaitArrival a where a.subsessionId = :scope"
                    + " and a.pageIndex = :page", "scope", subsession.getId(), "page", page.index());
            long expected = count("select count(p) from " + playerEntity + " p where p.subsession.id = :scope",
                    "scope", subsession.getId());
            if (arrived < expected) {
                return List.of();
            }
            // every group of the round, in id order, before their players are moved: the lock order of the page
            // flow (a group, then its participants) holds for the other groups too
            lockGroups(page, em.createQuery("select g.id from " + players.entityName(page.app().groupClass())
                    + " g where g.subsession.id = :scope", Long.class).setParameter("scope", subsession.getId())
                    .getResultList());
            waitPage.afterAllPlayersArrive(subsession);
            return query("select p.participant.id from " + playerEntity + " p where p.subsession.id = :scope"
                    + " order by p.participant.id", Long.class, "scope", subsession.getId()).getResultList();
        }
        long arrived = count("select count(a) from WaitArrival a where a.groupId = :scope and a.pageIndex = :page",
                "scope", group.getId(), "page", page.index());
        List<Long> members = query("select p.participant.id from " + playerEntity + " p where p.group.id = :scope"
                + " order by p.idInGroup", Long.class, "scope", group.getId()).getResultList();
        if (arrived < members.size()) {
            return List.of();
        }
        waitPage.afterAllPlayersArrive(group);
        return members;
    }

    /**
     * Grouping by arrival time: arrivals wait ungrouped; when a group's worth is there, they take the places
     * of the next group in order, swapping with whoever held those places, so every group stays full.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private List<Long> arriveUngrouped(Participant participant, PageRef page, WaitPage waitPage, Subsession subsession,
            String playerEntity) {
        em.persist(new WaitArrival(subsession.getId(), page.index(), participant.getId(), null, Instant.now()));
        em.flush();
        // the group size as the session was created with it (a config may override the app's)
        int size = (int) count("select count(p) from " + playerEntity + " p where p.subsession.id = :scope"
                + " and p.group.idInSubsession = 1", "scope", subsession.getId());
        List<WaitArrival> waiting = em.createQuery("select a from WaitArrival a where a.subsessionId = :s"
                        + " and a.pageIndex = :page and a.groupId is null order by a.arrivedAt, a.id", WaitArrival.class)
                .setParameter("s", subsession.getId()).setParameter("page", page.index())
                .getResultList();
        if (waiting.size() < size) {
            return List.of();
        }
        long formed = count("select count(a) from WaitArrival a where a.subsessionId = :scope"
                + " and a.pageIndex = :page and a.groupId is not null", "scope", subsession.getId(), "page", page.index())
                / size;
        List<BasePlayer> slots = em.createQuery("select p from " + playerEntity + " p where p.subsession.id = :s"
                        + " and p.group.idInSubsession = :g order by p.idInGroup", BasePlayer.class)
                .setParameter("s", subsession.getId()).setParameter("g", (int) formed + 1)
                .getResultList();
        BaseGroup group = slots.get(0).getGroup();
        List<BasePlayer> arrivingPlayers = waiting.subList(0, size).stream()
                .map(arrival -> em.createQuery("select p from " + playerEntity + " p where p.subsession.id = :s"
                                + " and p.participant.id = :participant", BasePlayer.class)
                        .setParameter("s", subsession.getId()).setParameter("participant", arrival.getParticipantId())
                        .getSingleResult())
                .toList();
        // the group being formed and the groups its players come from, locked (in id order) before they change:
        // a live message of one of them runs before or after the swap, never across it
        var touched = new java.util.TreeSet<Long>();
        touched.add(group.getId());
        arrivingPlayers.forEach(p -> touched.add(p.getGroupId()));
        lockGroups(page, List.copyOf(touched));
        for (int i = 0; i < size; i++) {
            WaitArrival arrival = waiting.get(i);
            BasePlayer arriving = arrivingPlayers.get(i);
            BasePlayer holder = slots.get(i);
            if (holder != arriving) {
                BaseGroup arrivingGroup = arriving.getGroup();
                int arrivingId = arriving.getIdInGroup();
                arriving.regroup(holder.getGroup(), holder.getIdInGroup());
                holder.regroup(arrivingGroup, arrivingId);
                slots = slots.stream().map(p -> p == holder ? arriving : p).toList();
            }
            arrival.setGroupId(group.getId());
        }
        em.flush();
        waitPage.afterAllPlayersArrive(group);
        return waiting.subList(0, size).stream().map(WaitArrival::getParticipantId).toList();
    }

    /** Locks the app's groups of these ids in id order (a lock order every transaction keeps), reloading them. */
    private void lockGroups(PageRef page, List<Long> groupIds) {
        groupIds.stream().sorted().forEach(id -> {
            BaseGroup loaded = em.find(page.app().groupClass(), id);
            em.refresh(loaded, LockModeType.PESSIMISTIC_WRITE);
        });
    }

    /** A JPQL query with named parameters given as name, value, name, value, ... */
    private <T> jakarta.persistence.TypedQuery<T> query(String jpql, Class<T> type, Object... parameters) {
        var query = em.createQuery(jpql, type);
        for (int i = 0; i < parameters.length; i += 2) {
            query.setParameter((String) parameters[i], parameters[i + 1]);
        }
        return query;
    }

    private long count(String jpql, Object... parameters) {
        return query(jpql, Long.class, parameters).getSingleResult();
    }
}
