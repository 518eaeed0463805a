package org.servicepoint.standards.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.servicepoint.platform.entity.TenantRow;

/** A staff member's latest answer to one training scenario; answering again replaces it. */
@Entity
@Table(name = "training_answer")
public class TrainingAnswer extends TenantRow {

    @Column(name = "staff_username", nullable = false)
    private String staffUsername;

    @Column(name = "scenario_id", nullable = false)
    private String scenarioId;

    @Column(nullable = false)
    private String choice;

    @Column(nullable = false)
    private boolean correct;

    @Column(name = "answered_at", nullable = false)
    private OffsetDateTime answeredAt;

    protected TrainingAnswer() {
    }

    public TrainingAnswer(String staffUsername, String scenarioId, String choice, boolean correct, OffsetDateTime answeredAt) {
        super(UUID.randomUUID());
        this.staffUsername = staffUsername;
        this.scenarioId = scenarioId;
        answer(choice, correct, answeredAt);
    }

    public final void answer(String choice, boolean correct, OffsetDateTime answeredAt) {
        this.choice = choice;
        this.correct = correct;
        this.answeredAt = answeredAt;
    }

    public String staffUsername() { return staffUsername; }
    public String scenarioId() { return scenarioId; }
    public String choice() { return choice; }
}
