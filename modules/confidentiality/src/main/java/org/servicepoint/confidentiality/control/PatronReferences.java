package org.servicepoint.confidentiality.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.servicepoint.confidentiality.control.PatronReferenceStore.Revealed;
import org.servicepoint.confidentiality.control.PatronReferenceStore.Referenced;
import org.servicepoint.platform.control.Caller;
import org.servicepoint.platform.control.TenantWork;
import org.servicepoint.platform.entity.TenantId;

/**
 * Patron references for every feature that needs to point at a patron. Every use is audited, and no audit
 * line ever holds a card number or a name: only the reference's id, or "no match".
 */
@ApplicationScoped
public class PatronReferences {

    @Inject
    ConfidentialityKeys keys;

    Clock clock = Clock.systemUTC();

    /** The reference of a card, made on first use; the same card always gives the same id. */
    @Transactional
    public Referenced reference(TenantId tenant, Caller caller, String cardNumber, String displayName) {
        TenantWork.Acting at = staffWithCard(tenant, caller, cardNumber);
        Referenced referenced = store().reference(at.db(), keys.ring(at, true), cardNumber, displayName);
        at.audit("patron.reference", "patron-reference/" + referenced.id(),
                referenced.created() ? "created" : "existing reference used");
        return referenced;
    }

    /** The id of a card's reference, if there is one. */
    @Transactional
    public Optional<UUID> lookup(TenantId tenant, Caller caller, String cardNumber) {
        TenantWork.Acting at = staffWithCard(tenant, caller, cardNumber);
        Optional<UUID> found = store().lookup(at.db(), keys.ring(at, false), cardNumber);
        at.audit("patron.lookup", found.map(id -> "patron-reference/" + id).orElse("patron-reference"),
                found.isPresent() ? "match" : "no match");
        return found;
    }

    /** What a reference holds (last four characters of the card, display name): persons in charge and headquarters only. */
    @Transactional
    public Optional<Revealed> reveal(TenantId tenant, Caller caller, UUID id) {
        Access.require(Access.reveals(caller, tenant));
        TenantWork.Acting at = keys.actFor(tenant, caller);
        Optional<Revealed> revealed = store().reveal(at.db(), keys.ring(at, false), id);
        at.audit("patron.reveal", "patron-reference/" + id,
                revealed.isPresent() ? "last four and display name shown" : "no such patron reference");
        return revealed;
    }

    /**
     * Whether the library system has a patron reference with this id: for contexts that take an id from desk staff
     * (a policy exception). Any staff member; it reveals nothing but that the id exists, and is audited.
     */
    @Transactional
    public boolean exists(TenantId tenant, Caller caller, UUID id) {
        Access.require(Access.isStaff(caller, tenant));
        TenantWork.Acting at = keys.actFor(tenant, caller);
        boolean found = store().exists(at.db(), id);
        at.audit("patron.check", "patron-reference/" + id, found ? "exists" : "no such patron reference");
        return found;
    }

    /** A staff member with a card number: refused before any key is read, a malformed card after the master key check. */
    private TenantWork.Acting staffWithCard(TenantId tenant, Caller caller, String cardNumber) {
        Access.require(Access.isStaff(caller, tenant));
        TenantWork.Acting at = keys.actFor(tenant, caller);
        CardNumbers.normalise(cardNumber);
        return at;
    }

    private PatronReferenceStore store() {
        return new PatronReferenceStore(clock);
    }
}
