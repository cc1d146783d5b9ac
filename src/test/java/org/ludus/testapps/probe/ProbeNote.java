package org.ludus.testapps.probe;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A row the live method writes, so tests can see whether a failed message left anything behind. */
@Entity
@Table(name = "probe_note")
public class ProbeNote {

    @Id
    @GeneratedValue
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "group_id")
    private ProbeGroup probeGroup;

    private String text;

    protected ProbeNote() {
    }

    ProbeNote(ProbeGroup group, String text) {
        this.probeGroup = group;
        this.text = text;
    }
}
