package org.servicepoint.confidentiality.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.servicepoint.confidentiality.entity.TenantDataKey.Purpose;
import org.servicepoint.platform.control.Refusal;
import org.servicepoint.platform.entity.TenantId;
import org.servicepoint.platform.testing.AtRest;

class MasterKeysTest {

    static final SecureRandom RANDOM = new SecureRandom();
    static final TenantId TENANT = TenantId.of("riverbend");

    static String newMasterKey() {
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        return Base64.getEncoder().encodeToString(raw);
    }

    @Test
    void a_wrapped_key_unwraps_with_its_master_key() {
        MasterKeys master = MasterKeys.of("k1", newMasterKey(), Optional.empty());
        byte[] raw = FieldCipher.newKey(RANDOM).getEncoded();
        byte[] wrapped = master.wrap(TENANT, Purpose.DATA, 1, raw, RANDOM);
        assertThat(AtRest.contains(wrapped, raw)).isFalse();
        assertThat(master.unwrap(TENANT, Purpose.DATA, 1, "k1", wrapped)).isEqualTo(raw);
    }

    @Test
    void a_wrong_master_key_cannot_unwrap_and_says_so() {
        MasterKeys right = MasterKeys.of("k1", newMasterKey(), Optional.empty());
        MasterKeys wrong = MasterKeys.of("k1", newMasterKey(), Optional.empty());
        byte[] wrapped = right.wrap(TENANT, Purpose.LOOKUP, 2, FieldCipher.newKey(RANDOM).getEncoded(), RANDOM);
        assertThatThrownBy(() -> wrong.unwrap(TENANT, Purpose.LOOKUP, 2, "k1", wrapped))
                .isInstanceOf(KeyUnavailable.class)
                .hasMessage("the lookup key version 2 of riverbend cannot be unwrapped with master key k1: "
                        + "the configured master key is wrong or the stored key was changed");
    }

    @Test
    void a_wrapped_key_is_bound_to_its_tenant_purpose_and_version() {
        MasterKeys master = MasterKeys.of("k1", newMasterKey(), Optional.empty());
        byte[] wrapped = master.wrap(TENANT, Purpose.DATA, 1, FieldCipher.newKey(RANDOM).getEncoded(), RANDOM);
        assertThatThrownBy(() -> master.unwrap(TenantId.of("lakeview"), Purpose.DATA, 1, "k1", wrapped)).isInstanceOf(KeyUnavailable.class);
        assertThatThrownBy(() -> master.unwrap(TENANT, Purpose.LOOKUP, 1, "k1", wrapped)).isInstanceOf(KeyUnavailable.class);
        assertThatThrownBy(() -> master.unwrap(TENANT, Purpose.DATA, 2, "k1", wrapped)).isInstanceOf(KeyUnavailable.class);
    }

    @Test
    void keys_wrapped_by_a_previous_master_key_unwrap_while_it_is_configured() {
        String old = newMasterKey();
        MasterKeys before = MasterKeys.of("k1", old, Optional.empty());
        byte[] raw = FieldCipher.newKey(RANDOM).getEncoded();
        byte[] wrapped = before.wrap(TENANT, Purpose.DATA, 1, raw, RANDOM);

        MasterKeys after = MasterKeys.of("k2", newMasterKey(), Optional.of("k1:" + old));
        assertThat(after.currentId()).isEqualTo("k2");
        assertThat(after.unwrap(TENANT, Purpose.DATA, 1, "k1", wrapped)).isEqualTo(raw);

        MasterKeys forgotten = MasterKeys.of("k2", newMasterKey(), Optional.empty());
        assertThatThrownBy(() -> forgotten.unwrap(TENANT, Purpose.DATA, 1, "k1", wrapped))
                .isInstanceOf(KeyUnavailable.class)
                .hasMessageContaining("wrapped by master key k1, which is not configured (current: k2)");
    }

    @Test
    void bad_settings_are_named_without_showing_the_key() {
        String short16 = Base64.getEncoder().encodeToString(new byte[16]);
        assertThatThrownBy(() -> MasterKeys.of("k1", short16, Optional.empty()))
                .hasMessage("servicepoint.confidentiality.master-key must be the base64 of 32 random bytes (AES-256), not 16")
                .hasMessageNotContaining(short16);
        assertThatThrownBy(() -> MasterKeys.of("k1", "not base64!", Optional.empty()))
                .hasMessage("servicepoint.confidentiality.master-key is not base64");
        assertThatThrownBy(() -> MasterKeys.of("k 1", newMasterKey(), Optional.empty()))
                .hasMessageContaining("servicepoint.confidentiality.master-key-id");
        assertThatThrownBy(() -> MasterKeys.of("k1", newMasterKey(), Optional.of("k1:" + newMasterKey())))
                .hasMessageContaining("given twice");
        assertThatThrownBy(() -> MasterKeys.of("k2", newMasterKey(), Optional.of(newMasterKey())))
                .hasMessageContaining("<id>:<base64 of 32 bytes>");
        assertThat(MasterKeys.of("k2", newMasterKey(), Optional.of("none")).currentId()).isEqualTo("k2");
    }

    @Test
    void without_a_master_key_confidentiality_refuses_with_503() {
        for (Optional<String> missing : java.util.List.of(Optional.<String>empty(), Optional.of(" "), Optional.of("none"))) {
            assertThatThrownBy(() -> ConfidentialitySettings.read(missing, "k1", Optional.empty()))
                    .isInstanceOfSatisfying(Refusal.class, r -> {
                        assertThat(r.status()).isEqualTo(503);
                        assertThat(r.type()).isEqualTo("confidentiality-not-configured");
                        assertThat(r.getMessage()).startsWith("confidentiality is not configured");
                    });
        }
        assertThatThrownBy(() -> ConfidentialitySettings.read(Optional.of("short"), "k1", Optional.empty()))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.status()).isEqualTo(503));
        assertThat(ConfidentialitySettings.read(Optional.of(newMasterKey()), "k1", Optional.empty()).currentId()).isEqualTo("k1");
    }
}
