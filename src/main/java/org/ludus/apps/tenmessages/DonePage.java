package org.ludus.apps.tenmessages;

import jakarta.enterprise.context.ApplicationScoped;
import org.ludus.page.Page;

@ApplicationScoped
public class DonePage extends Page<TenMessagesPlayer> {
}
