package org.servicepoint.incidents.forms.control;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.servicepoint.incidents.forms.entity.IncidentFormVersion;
import org.servicepoint.incidents.forms.entity.Times;
import org.servicepoint.platform.control.Refusal;
import org.servicepoint.platform.control.Text;
import org.servicepoint.tenancy.control.Plan;

/**
 * A library system's form versions on an entity manager bound to it. Plain Java: the transaction, binding,
 * permission and audit are {@link IncidentForms}'s. A form is a new version only when its hash differs from the
 * current version's; earlier versions stay, because reports are read against the version they were written on.
 */
public final class IncidentFormStore {

    public static final String DEFAULT_SOURCE = "default";

    /** Parsed definitions by content hash: the same hash is the same form, whichever library system has it. */
    private static final Map<String, FormDefinition> PARSED = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, FormDefinition> eldest) {
            return size() > 64;
        }
    });

    private final Clock clock;

    public IncidentFormStore(Clock clock) {
        this.clock = clock;
    }

    /** The outcome of a publication, with the row now current. */
    public record Published(IncidentFormVersion current, boolean changed) {
    }

    public Optional<IncidentFormVersion> current(EntityManager bound) {
        return bound.createQuery("select v from IncidentFormVersion v order by v.version desc", IncidentFormVersion.class)
                .setMaxResults(1).getResultStream().findFirst();
    }

    public List<IncidentFormVersion> versions(EntityManager bound) {
        return bound.createQuery("select v from IncidentFormVersion v order by v.version desc", IncidentFormVersion.class)
                .getResultList();
    }

    public IncidentFormVersion version(EntityManager bound, int version) {
        return bound.createQuery("select v from IncidentFormVersion v where v.version = :version", IncidentFormVersion.class)
                .setParameter("version", version).getResultStream().findFirst()
                .orElseThrow(() -> Refusal.notFound(Text.of("incidents.not-found.form-version", version)));
    }

    public IncidentFormVersion byId(EntityManager bound, UUID id) {
        return Optional.ofNullable(bound.find(IncidentFormVersion.class, id))
                .orElseThrow(() -> new IllegalStateException("form version " + id + " of a stored report is missing"));
    }

    /** Publishes a checked form; the same content as the current version changes nothing. */
    public Published publish(EntityManager bound, FormDocuments.Checked form, String source, String by) {
        Optional<IncidentFormVersion> current = current(bound);
        if (current.isPresent() && current.get().contentHash().equals(form.hash())) {
            return new Published(current.get(), false);
        }
        IncidentFormVersion next = new IncidentFormVersion(current.map(v -> v.version() + 1).orElse(1), form.hash(),
                form.canonical(), source, Times.stored(OffsetDateTime.now(clock)), by);
        bound.persist(next);
        try {
            bound.flush();
        } catch (PersistenceException e) {
            if (uniqueViolation(e)) {
                throw Refusal.conflict(Text.of("incidents.form.published-meanwhile"));
            }
            throw e;
        }
        PARSED.put(form.hash(), form.form());
        return new Published(next, true);
    }

    /** What publishing a checked form would change, compared with the current version (or the built-in form). */
    public Plan.Change plan(EntityManager bound, String slug, FormDocuments.Checked form) {
        Optional<IncidentFormVersion> current = current(bound);
        return FormChanges.of(slug, current.map(IncidentFormVersion::version).orElse(null),
                current.map(IncidentFormVersion::contentHash).orElse(null), current.map(IncidentFormStore::definition).orElse(null), form);
    }

    /** The current version; the built-in default becomes version 1 the first time a report needs a form. */
    public Published currentOrDefault(EntityManager bound, String by) {
        Optional<IncidentFormVersion> current = current(bound);
        return current.map(v -> new Published(v, false))
                .orElseGet(() -> publish(bound, FormDocuments.defaultForm(), DEFAULT_SOURCE, by));
    }

    public static FormDefinition definition(IncidentFormVersion version) {
        return PARSED.computeIfAbsent(version.contentHash(), h -> FormDocuments.stored(version.document()));
    }

    public static FormVersionSummary summary(IncidentFormVersion v) {
        return new FormVersionSummary(v.version(), v.contentHash(), v.source(), v.publishedAt(), v.publishedBy());
    }

    public static FormView view(IncidentFormVersion v, Library library) {
        return view(v.version(), v.contentHash(), v.source(), v.publishedAt(), v.publishedBy(), definition(v), library);
    }

    public static FormView defaultView(Library library) {
        FormDocuments.Checked form = FormDocuments.defaultForm();
        return view(null, form.hash(), DEFAULT_SOURCE, null, null, form.form(), library);
    }

    private static FormView view(Integer version, String hash, String source, OffsetDateTime at, String by, FormDefinition form,
                                 Library library) {
        Map<String, List<String>> recipients = new LinkedHashMap<>();
        form.categories().forEach(c -> recipients.put(c.code(), library.recipients(c)));
        return new FormView(version, hash, source, at == null ? null : at.atZoneSameInstant(library.zone()).toOffsetDateTime(), by,
                form, recipients);
    }

    public static boolean uniqueViolation(Throwable e) {
        return sqlState(e, "23505");
    }

    public static boolean sqlState(Throwable e, String state) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && state.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
