package org.servicepoint.confidentiality.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Map;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.Test;

class FieldCipherTest {

    static final SecureRandom RANDOM = new SecureRandom();
    static final SecretKey KEY = FieldCipher.newKey(RANDOM);
    static final byte[] CONTEXT = FieldCipher.context("servicepoint-field-v1", "riverbend", "patron_reference", "display_name", "row-1");
    static final byte[] TEXT = "Ada Lovelace".getBytes(StandardCharsets.UTF_8);

    @Test
    void a_sealed_value_opens_to_what_was_sealed() {
        byte[] sealed = FieldCipher.seal(KEY, 3, TEXT, CONTEXT, RANDOM);
        assertThat(FieldCipher.keyVersion(sealed)).isEqualTo(3);
        assertThat(FieldCipher.open(v -> v == 3 ? KEY : null, sealed, CONTEXT)).isEqualTo(TEXT);
        // 1 format byte, 4 version bytes, 12 IV bytes, the text, 16 tag bytes.
        assertThat(sealed).hasSize(1 + 4 + 12 + TEXT.length + 16);
    }

    @Test
    void the_same_text_seals_differently_every_time() {
        byte[] first = FieldCipher.seal(KEY, 1, TEXT, CONTEXT, RANDOM);
        byte[] second = FieldCipher.seal(KEY, 1, TEXT, CONTEXT, RANDOM);
        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void a_changed_ciphertext_byte_does_not_open() {
        byte[] sealed = FieldCipher.seal(KEY, 1, TEXT, CONTEXT, RANDOM);
        sealed[FieldCipher.HEADER_BYTES + 2] ^= 0x01;
        assertThatThrownBy(() -> FieldCipher.open(v -> KEY, sealed, CONTEXT)).isInstanceOf(FieldCipher.Unreadable.class);
    }

    @Test
    void a_changed_tag_does_not_open() {
        byte[] sealed = FieldCipher.seal(KEY, 1, TEXT, CONTEXT, RANDOM);
        sealed[sealed.length - 1] ^= 0x40;
        assertThatThrownBy(() -> FieldCipher.open(v -> KEY, sealed, CONTEXT)).isInstanceOf(FieldCipher.Unreadable.class);
    }

    @Test
    void a_changed_iv_does_not_open() {
        byte[] sealed = FieldCipher.seal(KEY, 1, TEXT, CONTEXT, RANDOM);
        sealed[5] ^= 0x01;
        assertThatThrownBy(() -> FieldCipher.open(v -> KEY, sealed, CONTEXT)).isInstanceOf(FieldCipher.Unreadable.class);
    }

    @Test
    void a_changed_key_version_does_not_open_even_with_the_right_key() {
        byte[] sealed = FieldCipher.seal(KEY, 1, TEXT, CONTEXT, RANDOM);
        sealed[4] = 2;
        assertThatThrownBy(() -> FieldCipher.open(v -> KEY, sealed, CONTEXT)).isInstanceOf(FieldCipher.Unreadable.class);
    }

    @Test
    void a_value_moved_to_another_row_column_table_or_tenant_does_not_open() {
        byte[] sealed = FieldCipher.seal(KEY, 1, TEXT, CONTEXT, RANDOM);
        for (byte[] elsewhere : new byte[][] {
                FieldCipher.context("servicepoint-field-v1", "riverbend", "patron_reference", "display_name", "row-2"),
                FieldCipher.context("servicepoint-field-v1", "riverbend", "patron_reference", "card_last4", "row-1"),
                FieldCipher.context("servicepoint-field-v1", "riverbend", "disclosure_request", "display_name", "row-1"),
                FieldCipher.context("servicepoint-field-v1", "lakeview", "patron_reference", "display_name", "row-1")}) {
            assertThatThrownBy(() -> FieldCipher.open(v -> KEY, sealed, elsewhere)).isInstanceOf(FieldCipher.Unreadable.class);
        }
    }

    @Test
    void the_wrong_key_does_not_open() {
        byte[] sealed = FieldCipher.seal(KEY, 1, TEXT, CONTEXT, RANDOM);
        SecretKey other = FieldCipher.newKey(RANDOM);
        assertThatThrownBy(() -> FieldCipher.open(v -> other, sealed, CONTEXT))
                .isInstanceOf(FieldCipher.Unreadable.class)
                .hasMessageNotContaining("Ada");
        assertThatThrownBy(() -> FieldCipher.open(v -> null, sealed, CONTEXT))
                .isInstanceOf(FieldCipher.Unreadable.class).hasMessageContaining("version 1");
    }

    @Test
    void garbage_is_not_a_sealed_value() {
        assertThatThrownBy(() -> FieldCipher.keyVersion(new byte[] {1, 0, 0})).isInstanceOf(FieldCipher.Unreadable.class);
        assertThatThrownBy(() -> FieldCipher.keyVersion(TEXT)).isInstanceOf(FieldCipher.Unreadable.class);
        assertThatThrownBy(() -> FieldCipher.keyVersion(null)).isInstanceOf(FieldCipher.Unreadable.class);
    }

    @Test
    void contexts_cannot_be_confused_by_moving_a_boundary() {
        assertThat(FieldCipher.context("ab", "c")).isNotEqualTo(FieldCipher.context("a", "bc"));
        assertThat(FieldCipher.context("a", "")).isNotEqualTo(FieldCipher.context("a"));
    }

    @Test
    void a_key_ring_opens_what_older_key_versions_sealed_and_seals_with_the_newest() {
        byte[] v1 = FieldCipher.newKey(RANDOM).getEncoded();
        byte[] v2 = FieldCipher.newKey(RANDOM).getEncoded();
        byte[] lookup = FieldCipher.newKey(RANDOM).getEncoded();
        KeyRing old = ring("riverbend", Map.of(1, v1), 1, Map.of(1, lookup), 1);
        KeyRing rotated = ring("riverbend", Map.of(1, v1, 2, v2), 2, Map.of(1, lookup), 1);
        java.util.UUID row = java.util.UUID.randomUUID();

        byte[] sealedBefore = old.seal("patron_reference", "display_name", row, "Grace Hopper");
        assertThat(rotated.open("patron_reference", "display_name", row, sealedBefore)).isEqualTo("Grace Hopper");
        assertThat(rotated.isStale(sealedBefore)).isTrue();
        byte[] sealedAfter = rotated.seal("patron_reference", "display_name", row, "Grace Hopper");
        assertThat(FieldCipher.keyVersion(sealedAfter)).isEqualTo(2);
        assertThat(rotated.isStale(sealedAfter)).isFalse();
        assertThat(rotated.seal("patron_reference", "display_name", row, null)).isNull();
        assertThat(rotated.open("patron_reference", "display_name", row, null)).isNull();
    }

    @Test
    void card_lookups_are_stable_per_key_and_differ_between_tenants_keys() {
        KeyRing north = ring("north-lib", Map.of(), 0, Map.of(1, FieldCipher.newKey(RANDOM).getEncoded()), 1);
        KeyRing south = ring("south-lib", Map.of(), 0, Map.of(1, FieldCipher.newKey(RANDOM).getEncoded()), 1);
        assertThat(north.cardLookup("21234005678901", 1)).isEqualTo(north.cardLookup("21234005678901", 1)).hasSize(32);
        assertThat(north.cardLookup("21234005678901", 1)).isNotEqualTo(south.cardLookup("21234005678901", 1));
        assertThat(north.cardLookup("21234005678901", 1)).isNotEqualTo(north.cardLookup("21234005678902", 1));
    }

    static KeyRing ring(String tenant, Map<Integer, byte[]> data, int currentData, Map<Integer, byte[]> lookup, int currentLookup) {
        return new KeyRing(org.servicepoint.platform.entity.TenantId.of(tenant), data, currentData, lookup, currentLookup, RANDOM,
                java.util.List.of());
    }
}
