package org.servicepoint.confidentiality.control;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.servicepoint.confidentiality.entity.DisclosureDecider;
import org.servicepoint.confidentiality.entity.DisclosureRequest.Authority;
import org.servicepoint.confidentiality.entity.DisclosureRequest.Decision;
import org.servicepoint.confidentiality.entity.DisclosureRequest;
import org.servicepoint.platform.control.Caller;
import org.servicepoint.platform.control.FreeText;
import org.servicepoint.platform.control.Refusal;
import org.servicepoint.platform.control.Text;
import org.servicepoint.platform.entity.WireNames;

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
                .orElseThrow(() -> Refusal.invalid("authority", Text.of("confidentiality.one-of", WireNames.all(Authority.class))));
        String authorityText = FreeText.check("authorityText", form.authorityText(), NewDisclosure.AUTHORITY_TEXT_MAX,
                authority == Authority.OTHER, true);
        return new NewDisclosure(
                FreeText.check("requesterName", form.requesterName(), NewDisclosure.NAME_MAX, true, false),
                FreeText.check("requesterOrganisation", form.requesterOrganisation(), NewDisclosure.ORGANISATION_MAX, true, false),
                WireNames.of(authority), authorityText,
                FreeText.check("requestText", form.requestText(), NewDisclosure.REQUEST_TEXT_MAX, true, true),
                form.patronReferenceId());
    }

    /** What {@link #log} writes in {@code routed_to} when nobody could be found to decide. */
    public static final String NOBODY = "nobody: no one signs in who may decide disclosure requests";

    /**
     * Logs a request at {@code branch}, routed to {@code deciders} (usernames and tag names; the logger is never one of
     * them). Nobody else sees it in full or decides it.
     */
    public DisclosureRecord log(EntityManager bound, KeyRing ring, Caller caller, NewDisclosure form, String branch,
                                List<DisclosureDeciders.Decider> deciders) {
        List<DisclosureDeciders.Decider> routed = deciders.stream().filter(d -> !d.username().equals(caller.name()))
                .collect(java.util.stream.Collectors.toMap(DisclosureDeciders.Decider::username, d -> d, (a, b) -> a,
                        java.util.LinkedHashMap::new)).values().stream().toList();
        NewDisclosure checked = checked(form);
        if (checked.patronReferenceId() != null) {
            if (!patronReferences.exists(bound, checked.patronReferenceId())) {
                throw Refusal.invalid("patronReferenceId", Text.of("confidentiality.patron-reference.unknown"));
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
                checked.patronReferenceId(), caller.name(), routedTo(routed), clock.instant());
        request.loggedAt(branch);
        bound.persist(request);
        // The deciders point at the request; EclipseLink knows no relation between them, so the request goes first.
        bound.flush();
        for (DisclosureDeciders.Decider decider : routed) {
            bound.persist(new DisclosureDecider(id, decider.username()));
        }
        bound.flush();
        return open(bound, ring, request);
    }

    static String routedTo(List<DisclosureDeciders.Decider> deciders) {
        if (deciders.isEmpty()) {
            return NOBODY;
        }
        String names = String.join(", ", deciders.stream().map(DisclosureDeciders.Decider::tagName).toList());
        return names.length() <= 300 ? names : names.substring(0, 296) + " ...";
    }

    /**
     * Newest first: the requests {@code username} logged or that were routed to them (null: all of the tenant's). The
     * rule is part of the query, so the limit never hides what is theirs.
     */
    public List<DisclosureRecord> list(EntityManager bound, KeyRing ring, String username, int limit) {
        var query = username == null
                ? bound.createQuery("select d from DisclosureRequest d order by d.receivedAt desc", DisclosureRequest.class)
                : bound.createQuery("select d from DisclosureRequest d where d.receivedBy = :me or exists (select r from "
                        + "DisclosureDecider r where r.requestId = d.id and r.username = :me) order by d.receivedAt desc",
                        DisclosureRequest.class).setParameter("me", username);
        return query.setMaxResults(Math.max(1, Math.min(limit, 500))).getResultList().stream().map(r -> open(bound, ring, r)).toList();
    }

    public Optional<DisclosureRecord> find(EntityManager bound, KeyRing ring, UUID id) {
        return Optional.ofNullable(bound.find(DisclosureRequest.class, id)).map(r -> open(bound, ring, r));
    }

    public DisclosureRecord decide(EntityManager bound, KeyRing ring, Caller caller, UUID id, String decision, String reason) {
        DisclosureRequest request = Optional.ofNullable(bound.find(DisclosureRequest.class, id))
                .orElseThrow(() -> Refusal.notFound(Text.of("confidentiality.not-found.disclosure-request", id)));
        Decision outcome = WireNames.parse(Decision.class, decision == null ? null : decision.strip())
                .orElseThrow(() -> Refusal.invalid("decision", Text.of("confidentiality.one-of", WireNames.all(Decision.class))));
        String why = FreeText.check("reason", reason, NewDisclosure.REASON_MAX, true, true);
        DisclosureRecord before = open(bound, ring, request);
        if (DisclosureRules.view(caller, before).isEmpty()) {
            // Not routed to them and not theirs: it does not exist for them.
            throw Refusal.notFound(Text.of("confidentiality.not-found.disclosure-request", id));
        }
        DisclosureRules.checkDecision(caller, before, outcome);
        request.decide(outcome, ring.seal(TABLE, "decision_reason", id, why), caller.name(), clock.instant());
        bound.flush();
        return open(bound, ring, request);
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

    static DisclosureRecord open(EntityManager bound, KeyRing ring, DisclosureRequest r) {
        List<String> deciders = bound.createQuery("select r.username from DisclosureDecider r where r.requestId = :id order by r.username",
                String.class).setParameter("id", r.id()).getResultList();
        DisclosureRecord o = open(ring, r);
        return new DisclosureRecord(o.id(), o.status(), o.receivedAt(), o.receivedBy(), o.requesterName(), o.requesterOrganisation(),
                o.authority(), o.authorityText(), o.requestText(), o.patronReferenceId(), o.routedTo(), o.decision(),
                o.decisionReason(), o.decidedBy(), o.decidedAt(), deciders);
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
