package org.servicepoint.confidentiality.control;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.servicepoint.confidentiality.entity.TenantDataKey.Purpose;
import org.servicepoint.platform.entity.TenantId;

/**
 * The top of the key hierarchy: the deployment's master key (from configuration, never stored in the
 * database) wraps every tenant's keys. Earlier master keys may be configured too, only to unwrap keys that
 * were wrapped before a master key rotation and have not been re-wrapped yet.
 */
public final class MasterKeys {

    private static final Pattern ID = Pattern.compile("^[A-Za-z0-9._-]{1,40}$");

    private final String currentId;
    private final Map<String, SecretKey> keys;

    private MasterKeys(String currentId, Map<String, SecretKey> keys) {
        this.currentId = currentId;
        this.keys = Map.copyOf(keys);
    }

    /**
     * From configuration values: the current key (base64 of 32 bytes) and its id, and earlier keys as
     * {@code id:base64} separated by commas. Errors name the setting, never the key.
     */
    public static MasterKeys of(String currentId, String currentKey, Optional<String> previous) {
        Map<String, SecretKey> keys = new LinkedHashMap<>();
        keys.put(checkId(currentId, "servicepoint.confidentiality.master-key-id"),
                decode(currentKey, "servicepoint.confidentiality.master-key"));
        for (String entry : previous.orElse("").split(",")) {
            if (entry.isBlank() || entry.strip().equals("none")) {
                continue;
            }
            int colon = entry.indexOf(':');
            String setting = "servicepoint.confidentiality.previous-master-keys";
            if (colon < 1) {
                throw new IllegalArgumentException(setting + ": each entry is <id>:<base64 of 32 bytes>");
            }
            String id = checkId(entry.substring(0, colon).strip(), setting);
            if (keys.containsKey(id)) {
                throw new IllegalArgumentException(setting + ": master key id " + id + " is given twice");
            }
            keys.put(id, decode(entry.substring(colon + 1).strip(), setting + " (" + id + ")"));
        }
        return new MasterKeys(currentId, keys);
    }

    private static String checkId(String id, String setting) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException(setting + " must be 1 to 40 letters, digits, dots, dashes or underscores");
        }
        return id;
    }

    private static SecretKey decode(String base64, String setting) {
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(base64 == null ? "" : base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(setting + " is not base64");
        }
        if (raw.length != 32) {
            throw new IllegalArgumentException(setting + " must be the base64 of 32 random bytes (AES-256), not " + raw.length);
        }
        return new SecretKeySpec(raw, "AES");
    }

    public String currentId() {
        return currentId;
    }

    /** A tenant key wrapped by the current master key, bound to its tenant, purpose, version and master key. */
    public byte[] wrap(TenantId tenant, Purpose purpose, int version, byte[] rawKey, SecureRandom random) {
        return FieldCipher.seal(keys.get(currentId), 0, rawKey, context(tenant, purpose, version, currentId), random);
    }

    /** The raw tenant key, or {@link KeyUnavailable} saying why not. */
    public byte[] unwrap(TenantId tenant, Purpose purpose, int version, String masterKeyId, byte[] wrapped) {
        SecretKey master = keys.get(masterKeyId);
        String which = "the " + purpose.code() + " key version " + version + " of " + tenant;
        if (master == null) {
            throw new KeyUnavailable(which + " is wrapped by master key " + masterKeyId
                    + ", which is not configured (current: " + currentId + ")");
        }
        try {
            return FieldCipher.open(v -> master, wrapped, context(tenant, purpose, version, masterKeyId));
        } catch (FieldCipher.Unreadable e) {
            throw new KeyUnavailable(which + " cannot be unwrapped with master key " + masterKeyId
                    + ": the configured master key is wrong or the stored key was changed");
        }
    }

    private static byte[] context(TenantId tenant, Purpose purpose, int version, String masterKeyId) {
        return FieldCipher.context("servicepoint-key-v1", tenant.value(), purpose.code(), Integer.toString(version), masterKeyId);
    }
}
