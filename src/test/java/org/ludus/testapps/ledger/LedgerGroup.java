package org.ludus.testapps.ledger;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.ludus.export.Doc;
import org.ludus.session.BaseGroup;

@Entity
@Table(name = "ledger_group")
public class LedgerGroup extends BaseGroup {

    @Doc("Tokens moved by the group's players this round.")
    private int totalTokens;

    private String lastNote;

    public int getTotalTokens() {
        return totalTokens;
    }

    void add(int tokens, String note) {
        totalTokens += tokens;
        lastNote = note;
    }
}
