package org.servicepoint.confidentiality.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.servicepoint.platform.entity.TenantId;

/** The plain-Java side of SealedText: names that go into SQL are identifiers, and a ring of data keys seals for one row. */
class SealedTextTest {

    static final SecureRandom RANDOM = new SecureRandom();

    @Test
    void a_table_or_column_name_that_is_not_an_identifier_is_refused_before_any_sql() {
        KeyRing ring = KeyRing.ofDataKeys(TenantId.of("riverbend"), Map.of(1, new byte[32]), 1, RANDOM);
        assertThatThrownBy(() -> SealedText.sealPlainColumns(null, ring, "incident_report; drop table x", "answers"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SealedText.resealColumns(null, ring, "incident_report", "answers from x --"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_ring_of_data_keys_opens_only_in_its_tenant_table_column_and_row() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        UUID row = UUID.randomUUID();
        TextSeal river = KeyRing.ofDataKeys(TenantId.of("riverbend"), Map.of(1, key), 1, RANDOM);
        byte[] sealed = river.seal("computer_use_ban", "reason", row, "Shouted at staff");
        assertThat(river.open("computer_use_ban", "reason", row, sealed)).isEqualTo("Shouted at staff");
        assertThatThrownBy(() -> river.open("computer_use_ban", "lift_reason", row, sealed)).isInstanceOf(FieldCipher.Unreadable.class);
        assertThatThrownBy(() -> river.open("computer_use_ban", "reason", UUID.randomUUID(), sealed))
                .isInstanceOf(FieldCipher.Unreadable.class);
        TextSeal lake = KeyRing.ofDataKeys(TenantId.of("lakeview"), Map.of(1, key), 1, RANDOM);
        assertThatThrownBy(() -> lake.open("computer_use_ban", "reason", row, sealed)).isInstanceOf(FieldCipher.Unreadable.class);
        assertThatThrownBy(() -> KeyRing.ofDataKeys(TenantId.of("riverbend"), Map.of(1, key), 2, RANDOM))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
