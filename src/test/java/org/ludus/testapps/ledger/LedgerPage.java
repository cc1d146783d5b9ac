package org.ludus.testapps.ledger;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import org.ludus.live.Live;
import org.ludus.page.Page;

/** {"tokens": n, "note": text} moves n tokens for the sender (their payoff too) and the group; {} asks the total. */
@ApplicationScoped
public class LedgerPage extends Page<LedgerPlayer> {

    public record Move(Integer tokens, String note) {
    }

    @Override
    public String template() {
        return "org/ludus/testapps/flow/Plain.peb";
    }

    @Live
    public Map<Integer, Object> live(LedgerPlayer player, Move move) {
        LedgerGroup group = player.getGroup();
        if (move.tokens() != null) {
            player.add(move.tokens());
            group.add(move.tokens(), move.note());
        }
        return Map.of(0, Map.of("total", group.getTotalTokens(), "from", player.getIdInGroup()));
    }
}
