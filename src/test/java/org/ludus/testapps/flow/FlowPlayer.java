package org.ludus.testapps.flow;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.ludus.page.FormField;
import org.ludus.session.BasePlayer;

@Entity
@Table(name = "flow_player")
public class FlowPlayer extends BasePlayer<FlowGroup> {

    @Min(0)
    @Max(10)
    @FormField(label = "How much do you contribute (0 to 10)?")
    private Integer contribution;

    @FormField(label = "Your colour", choices = {"red", "green", "blue"})
    private String colour;

    private boolean timedOut;

    public Integer getContribution() {
        return contribution;
    }

    void setTimedOut(boolean timedOut) {
        this.timedOut = timedOut;
    }
}
