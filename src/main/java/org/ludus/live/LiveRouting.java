package org.ludus.live;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Turns a live method's return value into deliveries. Key {@code 0} is every player of the group; a player's
 * own key overrides {@code 0} for that player. A key that is no id in the group is the author's mistake:
 * the message is refused (and rolled back) rather than silently dropped.
 */
public final class LiveRouting {

    /** One payload for one participant. */
    public record Delivery(int idInGroup, String participantCode, Object payload) {
    }

    private LiveRouting() {
    }

    /**
     * @param returned  what the live method returned (null or empty: nothing is sent)
     * @param members   the players of the sender's group (deliveries follow their order)
     * @param pageIndex the page the message came from: only members on that page now receive it
     */
    public static List<Delivery> route(Map<?, ?> returned, Collection<GroupMember> members, int pageIndex) {
        if (returned == null || returned.isEmpty()) {
            return List.of();
        }
        var ids = new TreeSet<Integer>();
        members.forEach(member -> ids.add(member.idInGroup()));
        for (Object key : returned.keySet()) {
            if (!(key instanceof Integer id) || (id != 0 && !ids.contains(id))) {
                throw new LiveRefusal("live_method_failed", "the live method returned a message for id_in_group "
                        + key + ", but the group's ids are " + ids + " (and 0 for all)");
            }
        }
        var deliveries = new ArrayList<Delivery>();
        for (GroupMember member : members) {
            Integer id = member.idInGroup();
            if (member.pageIndex() != pageIndex) {
                continue; // not on the page: like oTree, live messages reach only the page they belong to
            }
            if (returned.containsKey(id)) {
                deliveries.add(new Delivery(id, member.participantCode(), returned.get(id)));
            } else if (returned.containsKey(0)) {
                deliveries.add(new Delivery(id, member.participantCode(), returned.get(0)));
            }
        }
        return deliveries;
    }
}
