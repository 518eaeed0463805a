package org.servicepoint.staffing.control;

import jakarta.persistence.EntityManager;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.servicepoint.confidentiality.control.KeyRing;
import org.servicepoint.platform.control.BranchScope;
import org.servicepoint.platform.control.Caller;
import org.servicepoint.platform.control.Roles;
import org.servicepoint.staffing.entity.Escalation;

/**
 * Escalations on an entity manager bound to one library system. Plain Java, so database tests drive it directly.
 * Who sees what ({@link EscalationRules#sees}) is part of the query, before the limit: a list never loses someone's
 * own older escalations behind newer ones they may not see.
 */
public final class EscalationStore {

    /** The table that sealed texts are bound to, with their column and row. */
    public static final String TABLE = "escalation";

    /** Note and outcome as plain text, for an answer. */
    public record Texts(String note, String outcome) {
    }

    /** Stores a new escalation with its note sealed (the plain text is never written). */
    public void persist(EntityManager bound, KeyRing ring, Escalation escalation, String note) {
        escalation.sealNote(note == null ? null : ring.seal(TABLE, "note", escalation.id(), note));
        bound.persist(escalation);
    }

    /** Records how it ended, sealed. */
    public void close(KeyRing ring, Escalation escalation, String outcome, String by) {
        escalation.close(ring.seal(TABLE, "outcome", escalation.id(), outcome), by);
    }

    /**
     * The note and outcome opened. A row from before sealing is sealed now (in the caller's transaction), when the
     * library system has a data key; its plain text is returned either way.
     */
    public Texts open(KeyRing ring, Escalation e) {
        if (e.legacyNote() != null || e.legacyOutcome() != null) {
            Texts plain = new Texts(e.legacyNote() != null ? e.legacyNote() : ring.open(TABLE, "note", e.id(), e.sealedNote()),
                    e.legacyOutcome() != null ? e.legacyOutcome() : ring.open(TABLE, "outcome", e.id(), e.sealedOutcome()));
            if (!ring.isEmpty()) {
                e.sealLegacy(e.legacyNote() == null ? null : ring.seal(TABLE, "note", e.id(), e.legacyNote()),
                        e.legacyOutcome() == null ? null : ring.seal(TABLE, "outcome", e.id(), e.legacyOutcome()));
            }
            return plain;
        }
        return new Texts(ring.open(TABLE, "note", e.id(), e.sealedNote()), ring.open(TABLE, "outcome", e.id(), e.sealedOutcome()));
    }

    /**
     * A data key rotation's step for escalations, in its transaction: every note and outcome sealed under an older key
     * version is sealed again under the ring's current one (still bound to the {@code note} and {@code outcome}
     * columns it was sealed for, though it is kept in {@code sealed_note} and {@code sealed_outcome}). Answers how
     * many values changed.
     */
    public int reseal(EntityManager bound, KeyRing ring) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = bound.createNativeQuery("select id, sealed_note, sealed_outcome from escalation "
                + "where sealed_note is not null or sealed_outcome is not null").getResultList();
        int changed = 0;
        for (Object[] row : rows) {
            UUID id = row[0] instanceof UUID uuid ? uuid : UUID.fromString(String.valueOf(row[0]));
            changed += resealed(bound, ring, id, "note", (byte[]) row[1]);
            changed += resealed(bound, ring, id, "outcome", (byte[]) row[2]);
        }
        return changed;
    }

    private static int resealed(EntityManager bound, KeyRing ring, UUID id, String column, byte[] sealed) {
        if (sealed == null || !ring.isStale(sealed)) {
            return 0;
        }
        // Constant column names: "note" or "outcome", never input.
        bound.createNativeQuery("update escalation set sealed_" + column + " = ?1 where id = ?2")
                .setParameter(1, ring.seal(TABLE, column, id, ring.open(TABLE, column, id, sealed)))
                .setParameter(2, id)
                .executeUpdate();
        return 1;
    }

    /** The longest list; newest first. */
    public static final int LIST_MAX = 200;

    /** The escalations the caller may see, newest first, optionally of one branch. */
    public List<Escalation> list(EntityManager bound, Caller caller, String branch) {
        StringBuilder jpql = new StringBuilder("select e from Escalation e where 1 = 1");
        Map<String, Object> parameters = new HashMap<>();
        if (branch != null) {
            jpql.append(" and e.branchCode = :branch");
            parameters.put("branch", branch);
        }
        if (caller == null || caller.kind() != Caller.Kind.STAFF) {
            return List.of();
        }
        if (!BranchScope.acrossBranches(caller)) {
            jpql.append(" and (e.reportedBy = :me or e.decidedByUsername = :username");
            parameters.put("me", caller.auditName());
            parameters.put("username", caller.name());
            var own = BranchScope.ownBranch(caller);
            if (caller.roles().contains(Roles.PERSON_IN_CHARGE) && own.isPresent()) {
                jpql.append(" or e.branchCode = :own");
                parameters.put("own", own.get());
            }
            jpql.append(")");
        }
        jpql.append(" order by e.createdAt desc, e.id");
        var query = bound.createQuery(jpql.toString(), Escalation.class);
        parameters.forEach(query::setParameter);
        return query.setMaxResults(LIST_MAX).getResultList();
    }
}
