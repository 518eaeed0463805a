package org.servicepoint.confidentiality.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.servicepoint.confidentiality.entity.TenantDataKey;
import org.servicepoint.confidentiality.entity.TenantDataKey.Purpose;
import org.servicepoint.platform.control.Caller;
import org.servicepoint.platform.control.Refusal;
import org.servicepoint.platform.control.Roles;
import org.servicepoint.platform.control.TenantWork;
import org.servicepoint.platform.control.Text;
import org.servicepoint.platform.entity.TenantId;

/**
 * The tenants' keys: unwrapped for the other controls inside their transactions, and rotated or re-wrapped
 * by the platform operator. No operation here returns or logs key material or patron data.
 */
@ApplicationScoped
public class ConfidentialityKeys {

    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext(unitName = "confidentiality")
    EntityManager em;

    @Inject
    TenantWork work;

    @Inject
    ConfidentialitySettings settings;

    @Inject
    jakarta.enterprise.inject.Instance<SealedTextHolder> sealedTextHolders;

    Clock clock = Clock.systemUTC();

    /** A stored key, described without its material. */
    public record KeyInfo(String purpose, int version, String masterKeyId, Instant createdAt, Instant retiredAt) {
    }

    /** What a rotation did. */
    public record Rotation(String purpose, int version, int recordsResealed, int versionsRetired) {
    }

    /**
     * The caller at work on the tenant's confidential records (this module's tables) in the current transaction, for
     * {@link #ring(TenantWork.Acting, boolean)}. Answers 503 at once when no master key is configured, before anything
     * else is checked or touched.
     */
    public TenantWork.Acting actFor(TenantId tenant, Caller caller) {
        settings.masterKeys();
        return work.actFor(em, tenant, caller);
    }

    /**
     * The keys of the tenant the caller acts in, in the caller's transaction; with {@code create}, a missing data key
     * is made (and audited). Reads never make keys.
     */
    public KeyRing ring(TenantWork.Acting at, boolean create) {
        try {
            KeyRing ring = keys().ring(at.db(), at.tenant(), create);
            if (!ring.created().isEmpty()) {
                at.audit("confidentiality.key-create", "tenant/" + at.tenant() + "/keys",
                        "made " + String.join(", ", ring.created()) + " wrapped by master key " + settings.masterKeys().currentId());
            }
            return ring;
        } catch (KeyUnavailable e) {
            throw ConfidentialitySettings.unavailable(e);
        }
    }

    /**
     * The tenant's key ring for another context that seals its own free text (each value bound to that context's
     * table, column and row), in the caller's transaction. With {@code create}, a missing data key is made (and
     * audited); reads never make keys. 503 when no master key is configured.
     */
    @Transactional
    public KeyRing ring(TenantId tenant, Caller caller, boolean create) {
        return ring(actFor(tenant, caller), create);
    }

    TenantKeys keys() {
        return new TenantKeys(settings.masterKeys(), clock, RANDOM);
    }

    @Transactional
    public List<KeyInfo> list(TenantId tenant, Caller caller) {
        Access.require(caller.roles().contains(Roles.OPERATOR));
        return keys().all(work.actFor(em, tenant, caller).db()).stream().map(ConfidentialityKeys::info).toList();
    }

    /**
     * A new key version for a purpose. For data, every sealed field is sealed again with it and the older
     * versions are retired. A lookup key cannot re-hash card numbers it never saw: older lookup versions stay
     * readable, and a card found under one is hashed again with the new key.
     */
    @Transactional
    public Rotation rotate(TenantId tenant, Caller caller, String purposeCode) {
        Access.require(caller.roles().contains(Roles.OPERATOR));
        Purpose purpose = Arrays.stream(Purpose.values()).filter(p -> p.code().equals(purposeCode)).findFirst()
                .orElseThrow(() -> Refusal.invalid("purpose", Text.of("confidentiality.purpose.one-of")));
        TenantWork.Acting at = work.actFor(em, tenant, caller);
        EntityManager bound = at.db();
        try {
            TenantKeys keys = keys();
            ring(at, true);
            int version = keys.rotate(bound, tenant, purpose);
            int resealed = 0;
            if (purpose == Purpose.DATA) {
                KeyRing ring = keys.ring(bound, tenant, false);
                resealed = new PatronReferenceStore(clock).reseal(bound, ring) + new DisclosureRequestStore(clock).reseal(bound, ring);
                // The other contexts' sealed text, in this same transaction (decision 0009).
                for (SealedTextHolder holder : sealedTextHolders) {
                    resealed += holder.reseal(tenant, ring);
                }
            }
            int retired = keys.retireBelow(bound, purpose, version);
            at.audit("confidentiality.key-rotate", "tenant/" + tenant + "/keys/" + purpose.code(),
                    purpose.code() + " v" + version + "; " + resealed + " record(s) sealed again; " + retired + " older version(s) retired");
            return new Rotation(purpose.code(), version, resealed, retired);
        } catch (KeyUnavailable e) {
            throw ConfidentialitySettings.unavailable(e);
        }
    }

    /** After a master key rotation: wraps the tenant's keys again with the current master key. */
    @Transactional
    public int rewrap(TenantId tenant, Caller caller) {
        Access.require(caller.roles().contains(Roles.OPERATOR) || Access.isSystem(caller));
        TenantWork.Acting at = work.actFor(em, tenant, caller);
        try {
            int rewrapped = keys().rewrap(at.db(), tenant);
            if (rewrapped > 0) {
                at.audit("confidentiality.key-rewrap", "tenant/" + tenant + "/keys",
                        rewrapped + " key(s) wrapped again by master key " + settings.masterKeys().currentId());
            }
            return rewrapped;
        } catch (KeyUnavailable e) {
            throw ConfidentialitySettings.unavailable(e);
        }
    }

    /** Tenants that hold confidential records or keys; row-level security hides them otherwise (see migration V1). */
    @Transactional
    @SuppressWarnings("unchecked")
    public List<TenantId> tenants() {
        List<Object> slugs = em.createNativeQuery("select t from confidentiality_tenants() as t").getResultList();
        return slugs.stream().map(String::valueOf).filter(TenantId::isValidSlug).map(TenantId::of).sorted(
                Comparator.comparing(TenantId::value)).toList();
    }

    private static KeyInfo info(TenantDataKey key) {
        return new KeyInfo(key.purpose().code(), key.version(), key.masterKeyId(), key.createdAt(), key.retiredAt());
    }
}
