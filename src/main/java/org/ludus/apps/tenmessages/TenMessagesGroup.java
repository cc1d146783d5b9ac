package org.ludus.apps.tenmessages;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.ludus.session.BaseGroup;

@Entity
@Table(name = "tenmessages_group") // the app's tables keep the names they had before names were derived
public class TenMessagesGroup extends BaseGroup {

    public int numMessages;
    public boolean gameFinished;
}
