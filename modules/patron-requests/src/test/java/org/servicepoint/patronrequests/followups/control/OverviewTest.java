package org.servicepoint.patronrequests.followups.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.servicepoint.patronrequests.control.Matter;
import org.servicepoint.patronrequests.entity.MatterKind;
import org.servicepoint.patronrequests.entity.MatterRef;
import org.servicepoint.tenancy.control.TenantOutline.BranchName;

/** Headquarters' counts per branch from the open matters of every kind, and the list with overdue matters first. */
class OverviewTest {

    static final Instant NOW = Instant.parse("2026-12-03T15:00:00Z");
    static final List<BranchName> BRANCHES = List.of(new BranchName("NORTH", "North", false), new BranchName("SOUTH", "South", false),
            new BranchName("HQ", "Headquarters", true));

    static Matter matter(MatterKind kind, String branch, String state, String opened, String due) {
        return new Matter(new MatterRef(kind, UUID.randomUUID()), kind.code() + "-" + branch, branch, "label", state, true,
                Instant.parse(opened), due == null ? null : Instant.parse(due), null, null);
    }

    @Test
    void each_branch_counts_its_open_matters_by_kind_and_overdue_ones_head_the_list() {
        Matter lateComplaint = matter(MatterKind.COMPLAINT, "NORTH", "with-director", "2026-11-01T10:00:00Z", "2026-11-11T10:00:00Z");
        Matter complaint = matter(MatterKind.COMPLAINT, "NORTH", "received", "2026-12-02T10:00:00Z", "2026-12-12T10:00:00Z");
        Matter newCard = matter(MatterKind.COMMENT_CARD, "NORTH", "new", "2026-12-01T10:00:00Z", null);
        Matter thankedCard = matter(MatterKind.COMMENT_CARD, "NORTH", "thanked", "2026-11-30T10:00:00Z", null);
        Matter review = matter(MatterKind.RECONSIDERATION, "SOUTH", "in-review", "2026-10-01T10:00:00Z", "2026-12-30T10:00:00Z");
        Matter lateCall = matter(MatterKind.CALL_BACK, "SOUTH", "queued", "2026-12-03T09:00:00Z", "2026-12-03T14:00:00Z");
        Matter call = matter(MatterKind.CALL_BACK, "SOUTH", "queued", "2026-12-03T13:00:00Z", "2026-12-03T20:00:00Z");
        Matter escalation = matter(MatterKind.ESCALATION, "SOUTH", "open", "2026-12-03T08:00:00Z", null);
        Matter closed = new Matter(new MatterRef(MatterKind.COMPLAINT, UUID.randomUUID()), "C-x", "NORTH", "label", "closed", false,
                Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-01-11T00:00:00Z"), null, null);

        Overview.View view = Overview.of(BRANCHES, List.of(complaint, lateComplaint, newCard, thankedCard, review, lateCall, call,
                escalation, closed), Map.of("SOUTH", 2), NOW);

        assertThat(view.branches()).containsExactly(
                new Overview.BranchCounts("NORTH", "North", 2, 1, 1, 0, 0, 0, 0),
                new Overview.BranchCounts("SOUTH", "South", 0, 0, 0, 1, 2, 1, 2),
                new Overview.BranchCounts("HQ", "Headquarters", 0, 0, 0, 0, 0, 0, 0));
        assertThat(view.matters()).extracting(Overview.OpenMatter::id).containsExactly(lateComplaint.ref().id(), lateCall.ref().id(),
                review.ref().id(), thankedCard.ref().id(), newCard.ref().id(), complaint.ref().id(), escalation.ref().id(),
                call.ref().id());
        assertThat(view.matters()).filteredOn(Overview.OpenMatter::overdue).hasSize(2);
    }
}
