package org.servicepoint.confidentiality.control;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.servicepoint.platform.entity.TenantId;

/**
 * One tenant's unwrapped keys for the length of one transaction: every version of the data key (to open what
 * older versions sealed) and of the lookup key. New values are sealed with the current versions.
 */
public final class KeyRing implements TextSeal {

    private final TenantId tenant;
    private final NavigableMap<Integer, SecretKey> data;
    private final int currentData;
    private final NavigableMap<Integer, SecretKey> lookup;
    private final int currentLookup;
    private final SecureRandom random;
    private final List<String> created;

    KeyRing(TenantId tenant, Map<Integer, byte[]> dataKeys, int currentData, Map<Integer, byte[]> lookupKeys, int currentLookup,
            SecureRandom random, List<String> created) {
        this.tenant = tenant;
        this.data = new TreeMap<>();
        dataKeys.forEach((v, raw) -> data.put(v, new SecretKeySpec(raw, "AES")));
        this.currentData = currentData;
        this.lookup = new TreeMap<>();
        lookupKeys.forEach((v, raw) -> lookup.put(v, new SecretKeySpec(raw, "HmacSHA256")));
        this.currentLookup = currentLookup;
        this.random = random;
        this.created = List.copyOf(created);
    }

    /**
     * A ring of data keys only (no lookup key), e.g. for another context's tests that seal and open text without
     * the confidentiality tables. Raw keys are 32 bytes; {@code current} seals.
     */
    public static KeyRing ofDataKeys(TenantId tenant, Map<Integer, byte[]> dataKeys, int current, SecureRandom random) {
        if (!dataKeys.containsKey(current)) {
            throw new IllegalArgumentException("the current data key version must be one of the keys");
        }
        return new KeyRing(tenant, dataKeys, current, Map.of(), 0, random, List.of());
    }

    /** A tenant that has no keys yet, and so no sealed data: nothing can be found or opened. */
    static KeyRing empty(TenantId tenant, SecureRandom random) {
        return new KeyRing(tenant, Map.of(), 0, Map.of(), 0, random, List.of());
    }

    public TenantId tenant() {
        return tenant;
    }

    public boolean isEmpty() {
        return data.isEmpty() && lookup.isEmpty();
    }

    /** Keys made while building this ring (e.g. "data v1"), for the audit line. */
    public List<String> created() {
        return created;
    }

    public int currentDataVersion() {
        return currentData;
    }

    public int currentLookupVersion() {
        return currentLookup;
    }

    /** Lookup key versions, newest first. */
    public List<Integer> lookupVersions() {
        return List.copyOf(lookup.descendingKeySet());
    }

    /** Seals a text for one column of one row; null stays null. */
    @Override
    public byte[] seal(String table, String column, UUID row, String text) {
        if (text == null) {
            return null;
        }
        if (currentData == 0) {
            throw new IllegalStateException("no data key: the key ring was made without creating keys");
        }
        return FieldCipher.seal(data.get(currentData), currentData, text.getBytes(StandardCharsets.UTF_8),
                context(table, column, row), random);
    }

    @Override
    public String open(String table, String column, UUID row, byte[] sealed) {
        if (sealed == null) {
            return null;
        }
        return new String(FieldCipher.open(data::get, sealed, context(table, column, row)), StandardCharsets.UTF_8);
    }

    /** Whether a sealed value was made with an older data key than the current one. */
    public boolean isStale(byte[] sealed) {
        return sealed != null && FieldCipher.keyVersion(sealed) != currentData;
    }

    /** The keyed hash of a normalised card number with one version of the lookup key. */
    public byte[] cardLookup(String normalisedCard, int version) {
        SecretKey key = lookup.get(version);
        if (key == null) {
            throw new IllegalStateException("no lookup key of version " + version);
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(("servicepoint-card-v1|" + normalisedCard).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every Java runtime", e);
        }
    }

    private byte[] context(String table, String column, UUID row) {
        return FieldCipher.context("servicepoint-field-v1", tenant.value(), table, column, row.toString());
    }
}
