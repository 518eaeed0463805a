package org.servicepoint.incidents.reports.control;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.servicepoint.incidents.forms.control.Access;
import org.servicepoint.incidents.forms.control.FormDefinition;
import org.servicepoint.incidents.forms.control.IncidentCategory;
import org.servicepoint.incidents.forms.control.Library;
import org.servicepoint.incidents.reports.entity.IncidentAddendum;
import org.servicepoint.incidents.reports.entity.IncidentReport;
import org.servicepoint.incidents.reports.entity.IncidentStatus;
import org.servicepoint.platform.control.Caller;
import org.servicepoint.platform.control.Refusal.Violation;
import org.servicepoint.platform.control.Refusal;
import org.servicepoint.platform.control.Roles;
import org.servicepoint.platform.control.Text;
import org.servicepoint.platform.entity.TenantId;

/**
 * Reading incident reports: who sees which report (one rule, in the query), the filtered list with the overdue ones
 * first, the counts, the delivery trail, the verified chain and the PDF. Part of {@link IncidentReportStore}.
 */
final class ReportQueries {

    private final TenantId tenant;
    private final Library library;
    private final ReportViews views;
    private final DeliveryTrail deliveries;

    ReportQueries(TenantId tenant, Library library, ReportViews views, DeliveryTrail deliveries) {
        this.tenant = tenant;
        this.library = library;
        this.views = views;
        this.deliveries = deliveries;
    }

    public ReportView read(EntityManager bound, Caller caller, UUID id) {
        return views.view(bound, visible(bound, caller, id), caller);
    }

    /** The query of the reports the caller may see that match the filter (refuses unknown filter values). */
    private String where(Caller caller, ReportFilter filter, Map<String, Object> params) {
        Access.require(Access.isSystem(caller) || Access.isStaff(caller, tenant), Text.of("incidents.forbidden.staff-only"));
        StringBuilder jpql = new StringBuilder("select r from IncidentReport r where 1 = 1");
        if (!Access.isSystem(caller) && !ReportRules.seesAll(caller)) {
            Optional<String> branch = ReportRules.branch(caller);
            if (caller.roles().contains(Roles.PERSON_IN_CHARGE) && branch.isPresent()) {
                jpql.append(" and (r.reporterUsername = :me or r.branchCode = :myBranch)");
                params.put("myBranch", branch.get());
            } else {
                jpql.append(" and r.reporterUsername = :me");
            }
            params.put("me", caller.name());
        }
        List<Violation> violations = new ArrayList<>();
        if (filter.branch() != null && !filter.branch().isBlank()) {
            String branch = filter.branch().strip().toUpperCase(java.util.Locale.ROOT);
            if (!library.branches().containsKey(branch)) {
                violations.add(new Violation("branch", Text.of("incidents.branch.unknown", branch)));
            }
            jpql.append(" and r.branchCode = :branch");
            params.put("branch", branch);
        }
        if (filter.category() != null && !filter.category().isBlank()) {
            String category = filter.category().strip();
            if (IncidentCategory.ofCode(category).isEmpty()) {
                violations.add(new Violation("category", Text.of("incidents.category.not-a-category", category)));
            }
            jpql.append(" and r.category = :category");
            params.put("category", category);
        }
        if (filter.status() != null && !filter.status().isBlank()) {
            try {
                params.put("status", IncidentStatus.ofCode(filter.status()));
                jpql.append(" and r.status = :status");
            } catch (IllegalArgumentException e) {
                violations.add(new Violation("status", e.getMessage()));
            }
        }
        if (Boolean.FALSE.equals(filter.overdue())) {
            jpql.append(NOT_OVERDUE);
        } else if (Boolean.TRUE.equals(filter.overdue())) {
            jpql.append(OVERDUE);
        }
        if (filter.from() != null && filter.to() != null && filter.to().isBefore(filter.from())) {
            violations.add(new Violation("to", Text.of("incidents.filter.to-before-from")));
        }
        if (!violations.isEmpty()) {
            throw Refusal.invalid(Text.of("incidents.filters-refused", violations.size()), violations);
        }
        if (filter.from() != null) {
            jpql.append(" and r.occurredAt >= :from");
            params.put("from", filter.from().atStartOfDay(library.zone()).toOffsetDateTime());
        }
        if (filter.to() != null) {
            jpql.append(" and r.occurredAt < :to");
            params.put("to", filter.to().plusDays(1).atStartOfDay(library.zone()).toOffsetDateTime());
        }
        if (filter.delivery() != null) {
            // Reports with at least one delivery in that state (pending includes one being sent right now).
            jpql.append(" and ").append(deliveries.having("r", filter.delivery(), "delivery", params));
        }
        return jpql.toString();
    }

    public List<ReportSummary> list(EntityManager bound, Caller caller, ReportFilter filter) {
        Map<String, Object> params = new LinkedHashMap<>();
        String jpql = where(caller, filter, params);
        int limit = filter.limit() < 1 ? 100 : Math.min(filter.limit(), ReportFilter.MAX_LIMIT);
        // Overdue reports head the list (headquarters acts on them first), then the rest, newest incident first.
        List<IncidentReport> found = new ArrayList<>(page(bound, jpql + OVERDUE + " order by r.deadlineAt, r.id", params, limit));
        if (!Boolean.TRUE.equals(filter.overdue()) && found.size() < limit) {
            found.addAll(page(bound, jpql + NOT_OVERDUE + " order by r.occurredAt desc, r.id", params, limit - found.size()));
        }
        Map<UUID, FormDefinition> forms = new LinkedHashMap<>();
        Map<UUID, DeliveryCounts> counts = deliveryCounts(bound, found.stream().map(IncidentReport::id).toList());
        return found.stream()
                .map(r -> views.summary(r, forms.computeIfAbsent(r.formVersionId(), v -> views.formOf(bound, r)),
                        counts.getOrDefault(r.id(), DeliveryCounts.NONE)))
                .toList();
    }

    /** How many reports the caller may see match, per branch and per category, with the overdue and waiting ones. */
    public ReportCounts counts(EntityManager bound, Caller caller, ReportFilter filter) {
        Map<String, Object> params = new LinkedHashMap<>();
        String jpql = where(caller, filter, params).replace("select r from IncidentReport r", "from IncidentReport r");
        Map<String, Long> byBranch = new java.util.TreeMap<>();
        Map<String, Long> byCategory = new java.util.TreeMap<>();
        long total = 0;
        for (Object[] row : aggregate(bound, "select r.branchCode, r.category, count(r) " + jpql + " group by r.branchCode, r.category",
                params)) {
            long n = ((Number) row[2]).longValue();
            byBranch.merge((String) row[0], n, Long::sum);
            byCategory.merge((String) row[1], n, Long::sum);
            total += n;
        }
        long overdue = ((Number) aggregate(bound, "select count(r) " + jpql + OVERDUE, params).get(0)[0]).longValue();
        Map<String, Object> waiting = new LinkedHashMap<>(params);
        String waits = deliveries.having("r", ReportFilter.Delivery.PENDING, "waiting", waiting);
        long pending = ((Number) aggregate(bound, "select count(r) " + jpql + " and " + waits, waiting).get(0)[0]).longValue();
        return new ReportCounts(total, overdue, pending, byBranch, byCategory);
    }

    private static List<Object[]> aggregate(EntityManager bound, String jpql, Map<String, Object> params) {
        var query = bound.createQuery(jpql);
        params.forEach(query::setParameter);
        List<Object[]> rows = new ArrayList<>();
        for (Object row : query.getResultList()) {
            rows.add(row instanceof Object[] array ? array : new Object[] {row});
        }
        return rows;
    }

    /** Per recipient, where the report's mail stands; addresses only for headquarters and tenant administrators. */
    public List<DeliveryView> deliveries(EntityManager bound, Caller caller, UUID id) {
        IncidentReport report = visible(bound, caller, id);
        boolean addresses = Access.isSystem(caller) || ReportRules.seesAll(caller);
        return deliveries.trail(bound, report.id()).stream()
                .map(d -> new DeliveryView(d.id(), d.kind(), d.recipientName(), d.position(),
                        library.positionName(d.position()), addresses ? d.email() : null, d.status(), d.attempts(),
                        d.interrupted(), views.local(d.queuedAt()), views.local(d.sentAt()), views.local(d.nextAttemptAt()),
                        d.lastError()))
                .toList();
    }

    private static final String OVERDUE = " and r.overdueAt is not null and r.distributedAt is null";
    private static final String NOT_OVERDUE = " and (r.overdueAt is null or r.distributedAt is not null)";

    private static List<IncidentReport> page(EntityManager bound, String jpql, Map<String, Object> params, int max) {
        TypedQuery<IncidentReport> query = bound.createQuery(jpql, IncidentReport.class);
        params.forEach(query::setParameter);
        return query.setMaxResults(max).getResultList();
    }

    private Map<UUID, DeliveryCounts> deliveryCounts(EntityManager bound, List<UUID> ids) {
        return deliveries.counts(bound, ids);
    }

    public Verification verify(EntityManager bound, Caller caller, UUID id) {
        IncidentReport report = visible(bound, caller, id);
        List<IncidentAddendum> addenda = ReportViews.addenda(bound, id);
        return SignatureChain.verify(tenant.value(), report, views.openedAsStored(report, addenda), addenda, ReportViews.signatures(bound, id));
    }

    /** A signed report as PDF, with its signature trail and the chain as verified now. */
    public byte[] pdf(EntityManager bound, Caller caller, UUID id) {
        IncidentReport report = visible(bound, caller, id);
        if (report.status() == IncidentStatus.DRAFT) {
            throw Refusal.conflict(Text.of("incidents.report.draft-no-print"));
        }
        FormDefinition form = views.formOf(bound, report);
        ReportView view = views.view(bound, report, caller);
        Verification verification = verify(bound, caller, id);
        return IncidentReportPdf.render(new IncidentReportPdf.Input(library.name(), library.locale(), library.zone(), form.title(),
                view, verification));
    }

    IncidentReport visible(EntityManager bound, Caller caller, UUID id) {
        // The tenant filter applies to find as well: another library system's id is simply not there.
        IncidentReport report = id == null ? null : bound.find(IncidentReport.class, id);
        if (report == null || !ReportRules.sees(caller, tenant, report.reporterUsername(), report.branchCode())) {
            throw Refusal.notFound(Text.of("incidents.not-found.report", id));
        }
        return report;
    }
}
