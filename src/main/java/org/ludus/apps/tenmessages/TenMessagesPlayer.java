package org.ludus.apps.tenmessages;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.ludus.session.BasePlayer;

@Entity
@Table(name = "tenmessages_player") // the app's tables keep the names they had before names were derived
public class TenMessagesPlayer extends BasePlayer<TenMessagesGroup> {
}
