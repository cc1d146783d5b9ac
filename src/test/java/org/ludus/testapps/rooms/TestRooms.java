package org.ludus.testapps.rooms;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.ludus.session.Room;

/** Rooms that guard their seats: one with a password (and labels), one with a low limit of new seats. */
@ApplicationScoped
public class TestRooms {

    public static final String PASSWORD = "it-room-password";

    @Produces
    static Room locked = Room.of("locked_lab", "Locked lab").withParticipantLabelFile("rooms/econ_lab.txt")
            .withPassword(PASSWORD);

    @Produces
    static Room limited = Room.of("limited", "Two new seats a minute").withNewSeatsPerAddressPerMinute(2);
}
