package org.ludus.apps.bargaining;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import java.math.BigDecimal;
import org.ludus.session.BaseGroup;

@Entity
public class BargainingGroup extends BaseGroup {

    /** Standing proposals: what each player asks for themselves out of the pie (null: none yet). */
    @Column(name = "proposal_1", precision = 19, scale = 2) // the naming strategy puts no underscore before a digit
    public BigDecimal proposal1;
    @Column(name = "proposal_2", precision = 19, scale = 2)
    public BigDecimal proposal2;
    /** The agreed amount for the proposer, and who proposed it; null until a deal. */
    @Column(precision = 19, scale = 2)
    public BigDecimal dealAmount;
    public Integer dealProposer;

    BigDecimal proposalOf(int idInGroup) {
        return idInGroup == 1 ? proposal1 : proposal2;
    }

    void propose(int idInGroup, BigDecimal amount) {
        if (idInGroup == 1) {
            proposal1 = amount;
        } else {
            proposal2 = amount;
        }
    }

    boolean isDeal() {
        return dealAmount != null;
    }
}
