package org.servicepoint.platform.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.servicepoint.platform.entity.TenantId;

class IdsTest {

    static final String ID = "0b9e4c1e-8f0d-4a55-9d6a-2f0f8a3c7e11";

    @Test
    void a_canonical_id_in_either_case_names_its_record() {
        assertThat(Ids.inPath(ID, "shift")).isEqualTo(UUID.fromString(ID));
        assertThat(Ids.inPath(ID.toUpperCase(java.util.Locale.ROOT), "shift")).isEqualTo(UUID.fromString(ID));
    }

    @Test
    void shortened_padded_or_missing_ids_name_nothing_and_are_not_found() {
        for (String text : new String[] {"1-1-1-1-1", "0b9e4c1e-8f0d-4a55-9d6a-02f0f8a3c7e11", " " + ID, ID + "\n", "not-an-id", "", null}) {
            assertThatThrownBy(() -> Ids.inPath(text, "shift")).as(String.valueOf(text)).isInstanceOfSatisfying(Refusal.class, r -> {
                assertThat(r.status()).isEqualTo(404);
                assertThat(r.type()).isEqualTo("not-found");
                assertThat(r.getMessage()).isEqualTo("shift " + text + " does not exist");
            });
        }
    }

    @Test
    void parse_answers_empty_for_what_is_not_an_id() {
        assertThat(Ids.parse("1-1-1-1-1")).isEmpty();
        assertThat(Ids.parse(ID)).contains(UUID.fromString(ID));
    }

    @Test
    void a_library_system_in_a_path_is_its_slug_and_a_malformed_slug_is_not_found() {
        assertThat(Ids.tenantInPath("river-city")).isEqualTo(TenantId.of("river-city"));
        for (String slug : new String[] {"River-City", "river city", "../river", "_platform", "", null}) {
            assertThatThrownBy(() -> Ids.tenantInPath(slug)).as(String.valueOf(slug)).isInstanceOfSatisfying(Refusal.class, r -> {
                assertThat(r.status()).isEqualTo(404);
                assertThat(r.getMessage()).isEqualTo("library system " + slug + " does not exist");
            });
        }
    }
}
