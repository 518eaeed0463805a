package org.servicepoint.incidents.delivery.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DeliveryRecipientsTest {

    static Recipient person(String name, String position, String branch) {
        return new Recipient(UUID.nameUUIDFromBytes(name.getBytes()), name, position, branch, name.toLowerCase() + "@lib.example");
    }

    static final Recipient ROSA = person("Rosa", "branch-manager", "NORTH");
    static final Recipient LEE = person("Lee", "branch-manager", "SOUTH");
    static final Recipient BO = person("Bo", "business-manager", "HQ");
    static final Recipient DEE = person("Dee", "director", "HQ");
    static final List<Recipient> ROSTER = List.of(ROSA, LEE, BO, DEE);

    @Test
    void the_branchs_own_holder_of_a_position_else_everyone_of_it() {
        assertThat(DeliveryRecipients.resolve(List.of("branch-manager", "business-manager", "director"), "NORTH", ROSTER))
                .containsExactly(ROSA, BO, DEE);
        assertThat(DeliveryRecipients.resolve(List.of("branch-manager"), "SOUTH", ROSTER)).containsExactly(LEE);
        // HQ has no branch manager: both branch managers would be wrong recipients, but both hold the position.
        assertThat(DeliveryRecipients.resolve(List.of("branch-manager"), "HQ", ROSTER)).containsExactly(ROSA, LEE);
    }

    @Test
    void one_copy_for_someone_in_two_positions_and_a_visible_gap_for_a_position_nobody_holds() {
        Recipient twoHats = new Recipient(DEE.staffMemberId(), "Dee", "business-manager", "HQ", DEE.email());
        List<Recipient> resolved = DeliveryRecipients.resolve(List.of("director", "business-manager", "insurance-officer"), "NORTH",
                List.of(DEE, twoHats));
        assertThat(resolved).hasSize(2);
        assertThat(resolved.get(0)).isEqualTo(DEE);
        assertThat(resolved.get(1).staffMemberId()).isNull();
        assertThat(resolved.get(1).email()).isNull();
        assertThat(resolved.get(1).position()).isEqualTo("insurance-officer");
    }

    @Test
    void headquarters_is_who_receives_reports_at_the_headquarters_branch() {
        assertThat(DeliveryRecipients.headquarters(List.of("branch-manager", "business-manager", "director"), "HQ", ROSTER))
                .containsExactly(BO, DEE);
    }
}
