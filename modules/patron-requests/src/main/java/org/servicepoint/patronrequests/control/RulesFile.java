package org.servicepoint.patronrequests.control;

import com.networknt.schema.InputFormat;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import org.servicepoint.patronrequests.entity.RulesRecord;
import org.servicepoint.platform.control.Caller;
import org.servicepoint.platform.control.TenantWork;
import org.servicepoint.platform.entity.StoredTime;
import org.servicepoint.tenancy.control.Plan;
import org.servicepoint.tenancy.control.TenantFileKind;
import org.servicepoint.tenancy.control.TenantFileRun;

/**
 * {@code tenants/<slug>/patron-requests.yaml} in onboarding's plan and apply (start-up, launcher, operator API), in
 * onboarding's transaction; and the rules as last applied, for the components ({@link #rules}).
 */
@ApplicationScoped
public class RulesFile implements TenantFileKind {

    static final String KIND = "patron-requests";

    @PersistenceContext(unitName = "patron-requests")
    EntityManager em;

    @Inject
    TenantWork work;

    Clock clock = Clock.systemUTC();

    @Override
    public String fileName() {
        return RulesDocuments.FILE_NAME;
    }

    @Override
    @Transactional
    public List<Plan.Change> run(TenantFileRun run) {
        PatronRequestRules wanted = RulesDocuments.read(run.source().path(), run.source().content(), InputFormat.YAML, run.positions());
        TenantWork.Acting at = work.actFor(em, run.tenant(), run.write() ? run.applyingAs() : Caller.SYSTEM);
        RulesRecord stored = stored(at);
        String key = run.tenant().value() + "/rules";
        if (stored == null) {
            if (run.write()) {
                at.db().persist(new RulesRecord(run.source().content(), run.source().path(), StoredTime.stored(clock.instant()),
                        run.applyingAs().auditName()));
                at.audit("patron-requests.rules-apply", key, run.source().path());
            }
            return List.of(new Plan.Change(KIND, key, Plan.Action.CREATE, fields(PatronRequestRules.NONE, wanted)));
        }
        PatronRequestRules before = parsed(stored.content(), "stored");
        List<Plan.FieldChange> fields = fields(before, wanted);
        if (fields.isEmpty()) {
            return List.of(new Plan.Change(KIND, key, Plan.Action.UNCHANGED, List.of()));
        }
        if (run.write()) {
            stored.replace(run.source().content(), run.source().path(), StoredTime.stored(clock.instant()), run.applyingAs().auditName());
            at.audit("patron-requests.rules-apply", key, run.source().path());
        }
        return List.of(new Plan.Change(KIND, key, Plan.Action.UPDATE, fields));
    }

    /**
     * The bound library system's rules as last applied ({@link PatronRequestRules#NONE} without a file). The stored text
     * was checked when applied; it is read again here without the position check, since positions may change later.
     */
    public PatronRequestRules rules(TenantWork.Acting at) {
        RulesRecord stored = stored(at);
        return stored == null ? PatronRequestRules.NONE : parsed(stored.content(), "stored");
    }

    private static RulesRecord stored(TenantWork.Acting at) {
        return at.db().createQuery("select r from RulesRecord r", RulesRecord.class).getResultStream().findFirst().orElse(null);
    }

    private static PatronRequestRules parsed(String content, String source) {
        return RulesDocuments.readUnchecked(source, content);
    }

    /** Section by section: what a reviewer of the plan needs to see, without a line-by-line text difference. */
    static List<Plan.FieldChange> fields(PatronRequestRules before, PatronRequestRules after) {
        List<Plan.FieldChange> changed = new java.util.ArrayList<>();
        field(changed, "complaints", before.complaints(), after.complaints());
        field(changed, "reconsideration", before.reconsideration(), after.reconsideration());
        field(changed, "callBacks", before.callBacks(), after.callBacks());
        field(changed, "retention", before.retention(), after.retention());
        field(changed, "patronMail", before.patronMail(), after.patronMail());
        return changed;
    }

    private static void field(List<Plan.FieldChange> changed, String name, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            changed.add(new Plan.FieldChange(name, before == null ? null : before.toString(), after == null ? null : after.toString()));
        }
    }
}
