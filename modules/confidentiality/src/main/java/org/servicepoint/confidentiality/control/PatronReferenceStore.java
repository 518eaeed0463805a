package org.servicepoint.confidentiality.control;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.servicepoint.platform.control.FreeText;
import org.servicepoint.confidentiality.entity.PatronReference;

/**
 * Patron references on an entity manager bound to the tenant, with the tenant's key ring. Plain Java: the
 * transaction, the binding and the audit are the caller's ({@link PatronReferences}).
 */
public final class PatronReferenceStore {

    public static final String TABLE = "patron_reference";
    public static final int DISPLAY_NAME_MAX = 200;

    private final Clock clock;

    public PatronReferenceStore(Clock clock) {
        this.clock = clock;
    }

    /** The reference of a card: found again if it exists (same card, same id), else made. */
    public record Referenced(UUID id, boolean created) {
    }

    /** What a reference holds, decrypted for a person in charge or headquarters. */
    public record Revealed(UUID id, String cardLast4, String displayName, Instant createdAt, Instant lastUsedAt) {
    }

    public Referenced reference(EntityManager bound, KeyRing ring, String cardNumber, String displayName) {
        String card = CardNumbers.normalise(cardNumber);
        String name = FreeText.check("displayName", displayName, DISPLAY_NAME_MAX, false, false);
        Optional<PatronReference> known = find(bound, ring, card);
        if (known.isEmpty()) {
            // Two desks entering the same new card at once make one reference: the second waits, then finds it.
            bound.createNativeQuery("select 1 from pg_advisory_xact_lock(hashtext(?1))")
                    .setParameter(1, "patron-reference:" + ring.tenant().value())
                    .getSingleResult();
            known = find(bound, ring, card);
        }
        Instant now = clock.instant();
        if (known.isPresent()) {
            PatronReference reference = known.get();
            reference.used(now);
            reference.nameIfMissing(ring.seal(TABLE, "display_name", reference.id(), name));
            return new Referenced(reference.id(), false);
        }
        UUID id = UUID.randomUUID();
        int version = ring.currentLookupVersion();
        PatronReference reference = new PatronReference(id, ring.cardLookup(card, version), version,
                ring.seal(TABLE, "card_last4", id, CardNumbers.last4(card)), ring.seal(TABLE, "display_name", id, name), now);
        bound.persist(reference);
        bound.flush();
        return new Referenced(id, true);
    }

    /** The reference of a card, if one exists; finding it counts as a use. */
    public Optional<UUID> lookup(EntityManager bound, KeyRing ring, String cardNumber) {
        String card = CardNumbers.normalise(cardNumber);
        Optional<PatronReference> found = find(bound, ring, card);
        found.ifPresent(reference -> reference.used(clock.instant()));
        return found.map(PatronReference::id);
    }

    public Optional<Revealed> reveal(EntityManager bound, KeyRing ring, UUID id) {
        return Optional.ofNullable(bound.find(PatronReference.class, id)).map(reference -> new Revealed(reference.id(),
                ring.open(TABLE, "card_last4", reference.id(), reference.sealedLast4()),
                ring.open(TABLE, "display_name", reference.id(), reference.sealedDisplayName()),
                reference.createdAt(), reference.lastUsedAt()));
    }

    public boolean exists(EntityManager bound, UUID id) {
        return bound.find(PatronReference.class, id) != null;
    }

    /** Marks a reference used (a disclosure request names it). */
    public void touch(EntityManager bound, UUID id) {
        Optional.ofNullable(bound.find(PatronReference.class, id)).ifPresent(r -> r.used(clock.instant()));
    }

    /** Seals every field made with an older data key again with the current one; returns how many rows changed. */
    public int reseal(EntityManager bound, KeyRing ring) {
        int changed = 0;
        for (PatronReference reference : bound.createQuery("select p from PatronReference p", PatronReference.class).getResultList()) {
            if (ring.isStale(reference.sealedLast4()) || ring.isStale(reference.sealedDisplayName())) {
                UUID id = reference.id();
                reference.reseal(ring.seal(TABLE, "card_last4", id, ring.open(TABLE, "card_last4", id, reference.sealedLast4())),
                        ring.seal(TABLE, "display_name", id, ring.open(TABLE, "display_name", id, reference.sealedDisplayName())));
                changed++;
            }
        }
        bound.flush();
        return changed;
    }

    /**
     * Tries the lookup key versions newest first. A card found under an older version is hashed again with the
     * current one, so the old lookup key falls out of use as patrons come back.
     */
    private static Optional<PatronReference> find(EntityManager bound, KeyRing ring, String card) {
        List<Integer> versions = ring.lookupVersions();
        for (int version : versions) {
            Optional<PatronReference> found = bound.createQuery(
                            "select p from PatronReference p where p.cardLookup = :lookup", PatronReference.class)
                    .setParameter("lookup", ring.cardLookup(card, version))
                    .getResultStream().findFirst();
            if (found.isPresent()) {
                if (version != ring.currentLookupVersion()) {
                    found.get().rehash(ring.cardLookup(card, ring.currentLookupVersion()), ring.currentLookupVersion());
                }
                return found;
            }
        }
        return Optional.empty();
    }
}
