package org.ludus.session;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * participant.vars sent for a label in a room before that person joins (oTree's POST /api/participant_vars/),
 * e.g. from a recruitment system; copied into the participant's vars when the label enters the room.
 */
@Entity
@Table(name = "room_participant_vars", uniqueConstraints = @UniqueConstraint(columnNames = {"room_name", "label"}))
@NamedQuery(name = "RoomParticipantVars.of",
        query = "select v from RoomParticipantVars v where v.roomName = :room and v.label = :label")
public class RoomParticipantVars {

    @Id
    @GeneratedValue
    private Long id;

    @Column(name = "room_name", nullable = false)
    private String roomName;

    @Column(nullable = false)
    private String label;

    @Convert(converter = JsonMapConverter.class)
    @Column(name = "vars_json", length = JsonMapConverter.MAX_JSON)
    private Map<String, Object> vars = new LinkedHashMap<>();

    protected RoomParticipantVars() {
    }

    public RoomParticipantVars(String roomName, String label) {
        this.roomName = roomName;
        this.label = label;
    }

    public Map<String, Object> getVars() {
        return vars;
    }

    public void updateVars(Map<String, Object> changes) {
        this.vars = Vars.merged(vars, changes);
    }
}
