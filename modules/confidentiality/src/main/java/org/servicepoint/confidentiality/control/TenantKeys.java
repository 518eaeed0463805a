package org.servicepoint.confidentiality.control;

import jakarta.persistence.EntityManager;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.servicepoint.confidentiality.entity.TenantDataKey;
import org.servicepoint.confidentiality.entity.TenantDataKey.Purpose;
import org.servicepoint.platform.entity.TenantId;

/**
 * Reads, makes, rotates and re-wraps a tenant's keys, on an entity manager already bound to the tenant. A
 * tenant's keys are made on first use, under a transaction-scoped advisory lock so that two first uses at
 * once make one key, not two.
 */
public final class TenantKeys {

    private final MasterKeys master;
    private final Clock clock;
    private final SecureRandom random;

    public TenantKeys(MasterKeys master, Clock clock, SecureRandom random) {
        this.master = master;
        this.clock = clock;
        this.random = random;
    }

    /** The tenant's keys; when {@code create}, missing ones are made first (reads never make keys). */
    public KeyRing ring(EntityManager bound, TenantId tenant, boolean create) {
        List<TenantDataKey> stored = all(bound);
        List<String> created = new ArrayList<>();
        if (create && !hasBoth(stored)) {
            lock(bound, tenant);
            stored = all(bound);
            for (Purpose purpose : Purpose.values()) {
                if (stored.stream().noneMatch(k -> k.purpose() == purpose)) {
                    stored.add(make(bound, tenant, purpose, 1));
                    created.add(purpose.code() + " v1");
                }
            }
        }
        if (stored.isEmpty()) {
            return KeyRing.empty(tenant, random);
        }
        Map<Purpose, Map<Integer, byte[]>> raw = new EnumMap<>(Purpose.class);
        Map<Purpose, Integer> current = new EnumMap<>(Purpose.class);
        for (TenantDataKey key : stored) {
            raw.computeIfAbsent(key.purpose(), p -> new HashMap<>())
                    .put(key.version(), master.unwrap(tenant, key.purpose(), key.version(), key.masterKeyId(), key.wrappedKey()));
            if (!key.retired()) {
                current.merge(key.purpose(), key.version(), Math::max);
            }
        }
        return new KeyRing(tenant, raw.getOrDefault(Purpose.DATA, Map.of()), current.getOrDefault(Purpose.DATA, 0),
                raw.getOrDefault(Purpose.LOOKUP, Map.of()), current.getOrDefault(Purpose.LOOKUP, 0), random, created);
    }

    /** A new version of the tenant's key for one purpose; new writes use it from now on. */
    public int rotate(EntityManager bound, TenantId tenant, Purpose purpose) {
        lock(bound, tenant);
        int next = all(bound).stream().filter(k -> k.purpose() == purpose).mapToInt(TenantDataKey::version).max().orElse(0) + 1;
        make(bound, tenant, purpose, next);
        return next;
    }

    /** Retires every version of a purpose below {@code keep}; they stay readable but seal nothing new. */
    public int retireBelow(EntityManager bound, Purpose purpose, int keep) {
        int retired = 0;
        for (TenantDataKey key : all(bound)) {
            if (key.purpose() == purpose && key.version() < keep && !key.retired()) {
                key.retire(clock.instant());
                retired++;
            }
        }
        return retired;
    }

    /** Wraps every key not wrapped by the current master key again with it (after a master key rotation). */
    public int rewrap(EntityManager bound, TenantId tenant) {
        int rewrapped = 0;
        for (TenantDataKey key : all(bound)) {
            if (!key.masterKeyId().equals(master.currentId())) {
                byte[] raw = master.unwrap(tenant, key.purpose(), key.version(), key.masterKeyId(), key.wrappedKey());
                key.rewrap(master.currentId(), master.wrap(tenant, key.purpose(), key.version(), raw, random));
                rewrapped++;
            }
        }
        return rewrapped;
    }

    /** What is stored, without key material. */
    public List<TenantDataKey> all(EntityManager bound) {
        return new ArrayList<>(bound.createQuery("select k from TenantDataKey k order by k.purpose, k.version", TenantDataKey.class)
                .getResultList());
    }

    private TenantDataKey make(EntityManager bound, TenantId tenant, Purpose purpose, int version) {
        byte[] raw = FieldCipher.newKey(random).getEncoded();
        TenantDataKey key = new TenantDataKey(purpose, version, master.currentId(),
                master.wrap(tenant, purpose, version, raw, random), clock.instant());
        bound.persist(key);
        bound.flush();
        return key;
    }

    private static boolean hasBoth(List<TenantDataKey> stored) {
        return stored.stream().anyMatch(k -> k.purpose() == Purpose.DATA) && stored.stream().anyMatch(k -> k.purpose() == Purpose.LOOKUP);
    }

    private static void lock(EntityManager bound, TenantId tenant) {
        bound.createNativeQuery("select 1 from pg_advisory_xact_lock(hashtext(?1))")
                .setParameter(1, "confidentiality-keys:" + tenant.value())
                .getSingleResult();
    }
}
