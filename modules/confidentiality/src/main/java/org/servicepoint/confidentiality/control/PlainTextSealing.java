package org.servicepoint.confidentiality.control;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.util.List;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.servicepoint.platform.control.AuditLog;
import org.servicepoint.platform.control.Caller;
import org.servicepoint.platform.control.TenantDatabase;
import org.servicepoint.platform.entity.TenantId;

/**
 * The start-up step of a context whose database may have been written before its text was sealed (decision 0009):
 * for each library system in its own transaction, the plain {@code <column>_plain} values are sealed into
 * {@code <column>}, audited with counts only. A library system whose text cannot be sealed (no master key) is logged
 * and left for the next start. The same columns are sealed again when the tenant's data key is rotated. A context
 * subclasses this as an application-scoped bean, passes its {@link Description} to the constructor, gives its entity
 * manager, and calls {@link #sealAtStart} from its own {@code SchemaReady} observer (its priority orders it among the
 * start-up steps). The transactions are {@link PlainTextSealingTransactions}', so a subclass needs no proxy of itself.
 */
public abstract class PlainTextSealing implements SealedTextHolder {

    private static final Logger LOG = Logger.getLogger(PlainTextSealing.class.getName());

    /** A table's sealed columns. */
    public record Columns(String table, List<String> names) {
        public Columns(String table, String... names) {
            this(table, List.of(names));
        }
    }

    /**
     * What is sealed: the context's name in the log ("incident reports"), the audit action and the object under
     * {@code tenant/<slug>/}, what the audited count counts ("reason(s)"), and the columns.
     */
    public record Description(String context, String auditAction, String auditObject, String counted, List<Columns> columns) {
    }

    @Inject
    TenantDatabase tenantDatabase;

    @Inject
    SealedText sealedText;

    @Inject
    AuditLog audit;

    @Inject
    PlainTextSealingTransactions transactions;

    private final Description description;

    protected PlainTextSealing(Description description) {
        this.description = description;
    }

    /** The context's entity manager (its persistence unit). */
    protected abstract EntityManager em();

    protected void sealAtStart() {
        Description d = description;
        for (String slug : transactions.tenants(this)) {
            try {
                int sealed = transactions.seal(this, TenantId.of(slug));
                if (sealed > 0) {
                    LOG.info(() -> d.context() + " of " + slug + ": " + sealed + " plain " + d.counted() + " sealed");
                }
            } catch (RuntimeException e) {
                LOG.severe(() -> d.context() + " of " + slug + " still hold plain text, which could not be sealed: " + e.getMessage());
            }
        }
    }

    /** Library systems; the registry is platform data, readable without a tenant. In a transaction. */
    @SuppressWarnings("unchecked")
    List<String> tenants() {
        return ((List<Object>) em().createNativeQuery("select slug from tenant order by slug").getResultList()).stream()
                .map(String::valueOf).filter(TenantId::isValidSlug).toList();
    }

    /** In the rotation's transaction: the text sealed under an older key, sealed again. */
    @Override
    @Transactional(TxType.MANDATORY)
    public int reseal(TenantId tenant, KeyRing ring) {
        EntityManager bound = tenantDatabase.bind(em(), tenant);
        int resealed = 0;
        for (Columns c : description.columns()) {
            resealed += SealedText.resealColumns(bound, ring, c.table(), c.names().toArray(String[]::new));
        }
        return resealed;
    }

    /** In the library system's own transaction. */
    int seal(TenantId tenant) {
        Description d = description;
        EntityManager bound = tenantDatabase.bind(em(), tenant);
        Number plain = (Number) bound.createNativeQuery(plainCount(d.columns())).getSingleResult();
        if (plain.longValue() == 0) {
            return 0;
        }
        TextSeal seal = sealedText.in(tenant, Caller.SYSTEM);
        int sealed = 0;
        for (Columns c : d.columns()) {
            sealed += SealedText.sealPlainColumns(bound, seal, c.table(), c.names().toArray(String[]::new));
        }
        audit.success(tenant, Caller.SYSTEM, d.auditAction(), "tenant/" + tenant + "/" + d.auditObject(),
                sealed + " " + d.counted() + " written before sealing sealed");
        return sealed;
    }

    /** How many rows still hold plain text, over all the tables (names are the context's constants, never input). */
    static String plainCount(List<Columns> columns) {
        return "select " + columns.stream()
                .map(c -> "(select count(*) from " + c.table() + " where "
                        + c.names().stream().map(n -> n + "_plain is not null").collect(Collectors.joining(" or ")) + ")")
                .collect(Collectors.joining(" + "));
    }
}
