package org.ludus.testapps.ledger;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.math.BigDecimal;
import java.time.Instant;
import org.ludus.export.Doc;
import org.ludus.page.FormField;
import org.ludus.session.BasePlayer;

/** Fields in a deliberate order, of every kind an export writes; the golden headers name them in this order. */
@Entity
@Table(name = "ledger_player")
public class LedgerPlayer extends BasePlayer<LedgerGroup> {

    @Doc("Tokens this player moved this round.")
    private int tokens;

    @FormField(label = "How sure are you?", choices = {"low", "high"})
    private String confidence;

    @Min(0)
    @Max(10)
    @Column(name = "lucky_number")
    private Integer favourite;

    private Boolean moved;

    @Column(precision = 19, scale = 2)
    private BigDecimal share;

    private Instant lastMoveAt;

    void add(int amount) {
        tokens += amount;
        moved = true;
        share = BigDecimal.valueOf(tokens, 0).divide(BigDecimal.valueOf(2));
        lastMoveAt = Instant.now();
        setPayoff(getPayoff().add(BigDecimal.valueOf(amount)));
    }

    public int getTokens() {
        return tokens;
    }
}
