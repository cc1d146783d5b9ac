package org.ludus.apps.bargaining;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import org.ludus.session.BaseGroup;

@Entity
@Table(name = "bargaining_group")
public class BargainingGroup extends BaseGroup {

    /** Standing proposals: what each player asks for themselves out of the pie (null: none yet). */
    @Column(name = "proposal_1", precision = 19, scale = 2)
    private BigDecimal proposal1;

    @Column(name = "proposal_2", precision = 19, scale = 2)
    private BigDecimal proposal2;

    /** The agreed amount for the proposer, and who proposed it; null until a deal. */
    @Column(name = "deal_amount", precision = 19, scale = 2)
    private BigDecimal dealAmount;

    @Column(name = "deal_proposer")
    private Integer dealProposer;

    public BigDecimal proposalOf(int idInGroup) {
        return idInGroup == 1 ? proposal1 : proposal2;
    }

    void propose(int idInGroup, BigDecimal amount) {
        if (idInGroup == 1) {
            proposal1 = amount;
        } else {
            proposal2 = amount;
        }
    }

    void settle(int proposer, BigDecimal amount) {
        dealProposer = proposer;
        dealAmount = amount;
    }

    public boolean isDeal() {
        return dealAmount != null;
    }

    public BigDecimal getDealAmount() {
        return dealAmount;
    }

    public Integer getDealProposer() {
        return dealProposer;
    }
}
