package org.ludus.admin;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Refreshes open monitors every second. Polling the database for the few sessions being watched is simpler
 * than an event for every kind of change (page moves, sockets opening and closing, live messages), and
 * costs nothing when nobody watches.
 */
@Singleton
public class MonitorTicker {

    private static final Logger LOG = Logger.getLogger(MonitorTicker.class.getName());

    @Inject
    MonitorStreams streams;

    @Schedule(second = "*", minute = "*", hour = "*", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void refresh() {
        try {
            streams.refresh();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not refresh the session monitors", e);
        }
    }
}
