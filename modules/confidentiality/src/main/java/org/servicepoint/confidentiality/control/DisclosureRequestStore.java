package org.servicepoint.confidentiality.control;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.servicepoint.platform.control.FreeText;
import org.servicepoint.confidentiality.entity.DisclosureRequest;
import org.servicepoint.confidentiality.entity.DisclosureRequest.Authority;
import org.servicepoint.confidentiality.entity.DisclosureRequest.Decision;
import org.servicepoint.platform.control.Caller;
import org.servicepoint.platform.control.Refusal;

/**
 * Disclosure requests on an entity manager bound to the tenant, with the tenant's key ring. Plain Java: the
 * transaction, the binding and the audit are the caller's ({@link DisclosureRequests}).
 */
public final class DisclosureRequestStore {

    public static final String TABLE = "disclosure_request";

    private final Clock clock;
    private final PatronReferenceStore patronReferences;

    public DisclosureRequestStore(Clock clock) {
        this.clock = clock;
        this.patronReferences = new PatronReferenceStore(clock);
    }

    /** Checks what the desk wrote down; the refusal names the field. */
    public static NewDisclosure checked(NewDisclosure form) {
        Authority authority = WireNames.parse(Authority.class, form.authority() == null ? null : form.authority().strip())
                .orElseThrow(() -> Refusal.invalid("authority", "must be one of " + WireNames.all(Authority.class)));
        String authorityText = FreeText.check("authorityText", form.authorityText(), NewDisclosure.AUTHORITY_TEXT_MAX,
                authority == Authority.OTHER, true);
        return new NewDisclosure(
                FreeText.check("requesterName", form.requesterName(), NewDisclosure.NAME_MAX, true, false),
                FreeText.check("requesterOrganisation", form.requesterOrganisation(), NewDisclosure.ORGANISATION_MAX, true, false),
                WireNames.of(authority), authorityText,
                FreeText.check("requestText", form.requestText(), NewDisclosure.REQUEST_TEXT_MAX, true, true),
                form.patronReferenceId());
    }

    public DisclosureRecord log(EntityManager bound, KeyRing ring, Caller caller, NewDisclosure form) {
        NewDisclosure checked = checked(form);
        if (checked.patronReferenceId() != null) {
            if (!patronReferences.exists(bound, checked.patronReferenceId())) {
                throw Refusal.invalid("patronReferenceId", "no such patron reference in this library system");
            }
            patronReferences.touch(bound, checked.patronReferenceId());
        }
        UUID id = UUID.randomUUID();
        DisclosureRequest request = new DisclosureRequest(id,
                ring.seal(TABLE, "requester_name", id, checked.requesterName()),
                checked.requesterOrganisation(),
                WireNames.parse(Authority.class, checked.authority()).orElseThrow(),
                ring.seal(TABLE, "authority_text", id, checked.authorityText()),
                ring.seal(TABLE, "request_text", id, checked.requestText()),
                checked.patronReferenceId(), caller.name(), Access.DECIDERS, clock.instant());
        bound.persist(request);
        bound.flush();
        return open(ring, request);
    }

    /** Newest first: all of the tenant's requests, or only those {@code receivedBy} logged. */
    public List<DisclosureRecord> list(EntityManager bound, KeyRing ring, String receivedBy, int limit) {
        var query = receivedBy == null
                ? bound.createQuery("select d from DisclosureRequest d order by d.receivedAt desc", DisclosureRequest.class)
                : bound.createQuery("select d from DisclosureRequest d where d.receivedBy = :me order by d.receivedAt desc",
                        DisclosureRequest.class).setParameter("me", receivedBy);
        return query.setMaxResults(Math.max(1, Math.min(limit, 500))).getResultList().stream().map(r -> open(ring, r)).toList();
    }

    public Optional<DisclosureRecord> find(EntityManager bound, KeyRing ring, UUID id) {
        return Optional.ofNullable(bound.find(DisclosureRequest.class, id)).map(r -> open(ring, r));
    }

    public DisclosureRecord decide(EntityManager bound, KeyRing ring, Caller caller, UUID id, String decision, String reason) {
        DisclosureRequest request = Optional.ofNullable(bound.find(DisclosureRequest.class, id))
                .orElseThrow(() -> Refusal.notFound("disclosure request " + id));
        Decision outcome = WireNames.parse(Decision.class, decision == null ? null : decision.strip())
                .orElseThrow(() -> Refusal.invalid("decision", "must be one of " + WireNames.all(Decision.class)));
        String why = FreeText.check("reason", reason, NewDisclosure.REASON_MAX, true, true);
        DisclosureRules.checkDecision(caller, open(ring, request), outcome);
        request.decide(outcome, ring.seal(TABLE, "decision_reason", id, why), caller.name(), clock.instant());
        bound.flush();
        return open(ring, request);
    }

    /** Seals every text made with an older data key again with the current one; returns how many rows changed. */
    public int reseal(EntityManager bound, KeyRing ring) {
        int changed = 0;
        for (DisclosureRequest r : bound.createQuery("select d from DisclosureRequest d", DisclosureRequest.class).getResultList()) {
            if (ring.isStale(r.sealedRequesterName()) || ring.isStale(r.sealedAuthorityText())
                    || ring.isStale(r.sealedRequestText()) || ring.isStale(r.sealedDecisionReason())) {
                DisclosureRecord open = open(ring, r);
                UUID id = r.id();
                r.reseal(ring.seal(TABLE, "requester_name", id, open.requesterName()),
                        ring.seal(TABLE, "authority_text", id, open.authorityText()),
                        ring.seal(TABLE, "request_text", id, open.requestText()),
                        ring.seal(TABLE, "decision_reason", id, open.decisionReason()));
                changed++;
            }
        }
        bound.flush();
        return changed;
    }

    static DisclosureRecord open(KeyRing ring, DisclosureRequest r) {
        UUID id = r.id();
        return new DisclosureRecord(id, r.status(), r.receivedAt(), r.receivedBy(),
                ring.open(TABLE, "requester_name", id, r.sealedRequesterName()), r.requesterOrganisation(), r.authority(),
                ring.open(TABLE, "authority_text", id, r.sealedAuthorityText()),
                ring.open(TABLE, "request_text", id, r.sealedRequestText()), r.patronReferenceId(), r.routedTo(),
                r.decision(), ring.open(TABLE, "decision_reason", id, r.sealedDecisionReason()), r.decidedBy(), r.decidedAt());
    }
}
