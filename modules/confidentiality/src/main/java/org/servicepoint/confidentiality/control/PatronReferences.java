package org.servicepoint.confidentiality.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.servicepoint.confidentiality.control.PatronReferenceStore.Revealed;
import org.servicepoint.confidentiality.control.PatronReferenceStore.Referenced;
import org.servicepoint.platform.control.AuditLog;
import org.servicepoint.platform.control.Caller;
import org.servicepoint.platform.control.TenantDatabase;
import org.servicepoint.platform.entity.TenantId;

/**
 * Patron references for every feature that needs to point at a patron. Every use is audited, and no audit
 * line ever holds a card number or a name: only the reference's id, or "no match".
 */
@ApplicationScoped
public class PatronReferences {

    @PersistenceContext(unitName = "confidentiality")
    EntityManager em;

    @Inject
    TenantDatabase tenantDatabase;

    @Inject
    AuditLog audit;

    @Inject
    ConfidentialitySettings settings;

    @Inject
    ConfidentialityKeys keys;

    Clock clock = Clock.systemUTC();

    /** The reference of a card, made on first use; the same card always gives the same id. */
    @Transactional
    public Referenced reference(TenantId tenant, Caller caller, String cardNumber, String displayName) {
        Access.require(Access.isStaff(caller, tenant));
        settings.masterKeys();
        CardNumbers.normalise(cardNumber);
        EntityManager bound = tenantDatabase.bind(em, tenant);
        Referenced referenced = store().reference(bound, keys.ring(bound, tenant, caller, true), cardNumber, displayName);
        audit.success(tenant, caller, "patron.reference", "patron-reference/" + referenced.id(),
                referenced.created() ? "created" : "existing reference used");
        return referenced;
    }

    /** The id of a card's reference, if there is one. */
    @Transactional
    public Optional<UUID> lookup(TenantId tenant, Caller caller, String cardNumber) {
        Access.require(Access.isStaff(caller, tenant));
        settings.masterKeys();
        CardNumbers.normalise(cardNumber);
        EntityManager bound = tenantDatabase.bind(em, tenant);
        Optional<UUID> found = store().lookup(bound, keys.ring(bound, tenant, caller, false), cardNumber);
        audit.success(tenant, caller, "patron.lookup", found.map(id -> "patron-reference/" + id).orElse("patron-reference"),
                found.isPresent() ? "match" : "no match");
        return found;
    }

    /** What a reference holds (last four characters of the card, display name): persons in charge and headquarters only. */
    @Transactional
    public Optional<Revealed> reveal(TenantId tenant, Caller caller, UUID id) {
        Access.require(Access.reveals(caller, tenant));
        settings.masterKeys();
        EntityManager bound = tenantDatabase.bind(em, tenant);
        Optional<Revealed> revealed = store().reveal(bound, keys.ring(bound, tenant, caller, false), id);
        audit.success(tenant, caller, "patron.reveal", "patron-reference/" + id,
                revealed.isPresent() ? "last four and display name shown" : "no such patron reference");
        return revealed;
    }

    private PatronReferenceStore store() {
        return new PatronReferenceStore(clock);
    }
}
