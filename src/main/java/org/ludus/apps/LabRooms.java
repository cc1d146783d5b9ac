package org.ludus.apps;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.ludus.session.Room;

/** The example rooms: a lab whose seats have labels (LAB1…LAB12), and an open room for online sessions. */
@ApplicationScoped
public class LabRooms {

    @Produces
    static Room econLab = Room.of("econ_lab", "Economics lab").withParticipantLabelFile("rooms/econ_lab.txt");

    @Produces
    static Room online = Room.of("online", "Online sessions");
}
