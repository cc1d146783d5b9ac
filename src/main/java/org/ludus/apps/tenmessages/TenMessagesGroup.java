package org.ludus.apps.tenmessages;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.ludus.session.BaseGroup;

@Entity
@Table(name = "tenmessages_group")
public class TenMessagesGroup extends BaseGroup {

    @Column(name = "num_messages", nullable = false)
    private int numMessages;

    @Column(name = "game_finished", nullable = false)
    private boolean gameFinished;

    public int getNumMessages() {
        return numMessages;
    }

    public boolean isGameFinished() {
        return gameFinished;
    }

    void countMessage() {
        numMessages++;
        if (numMessages >= TenMessagesApp.MESSAGES_NEEDED) {
            gameFinished = true;
        }
    }
}
