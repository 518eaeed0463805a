package org.servicepoint.staffing.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.servicepoint.confidentiality.control.Retention;
import org.servicepoint.confidentiality.control.RetentionStore.Purged;
import org.servicepoint.platform.control.AuditLog;
import org.servicepoint.platform.control.Caller;
import org.servicepoint.platform.entity.TenantId;

/**
 * Escalations leave with the nightly purge on real PostgreSQL, as the application role through
 * {@code escalations_purge}: one with an old outcome goes with its notices; a young outcome, an escalation without
 * an outcome and another library system's escalation stay; the tenant's own period counts; the purge is audited.
 */
class EscalationRetentionDatabaseTest {

    static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");

    final List<String> audited = new ArrayList<>();
    final AuditLog audit = new AuditLog() {
        @Override
        public void success(TenantId tenant, Caller caller, String action, String target, String detail) {
            audited.add(tenant.value() + " " + action + " " + detail);
        }
    };

    @Test
    void an_escalation_decided_longer_ago_than_the_period_goes_with_its_notices_and_the_rest_stays() throws SQLException {
        ScheduleDatabase.SCHEDULE.db();
        ScheduleDatabase.SCHEDULE.tenant("esc-ret");
        ScheduleDatabase.SCHEDULE.tenant("esc-ret-other");
        UUID old = escalation("esc-ret", "2025-06-01Z");
        UUID young = escalation("esc-ret", "2028-06-01Z");
        UUID open = escalation("esc-ret", null);
        UUID othersOld = escalation("esc-ret-other", "2020-06-01Z");
        notice("esc-ret", old);
        notice("esc-ret", young);
        notice("esc-ret-other", othersOld);

        Optional<Purged> purged = ScheduleDatabase.SCHEDULE.inTenant("esc-ret", em -> Retention.purge(em, TenantId.of("esc-ret"),
                Caller.SYSTEM, audit, List.of(new EscalationRetention()), List.of(), NOW));

        assertThat(purged.get().others()).isEqualTo(Map.of("escalation", 1));
        assertThat(ids("select id from escalation where tenant_id = 'esc-ret'")).containsExactlyInAnyOrder(young, open);
        assertThat(ids("select escalation_id from staff_notice where tenant_id = 'esc-ret'")).containsExactly(young);
        assertThat(ids("select id from escalation where tenant_id = 'esc-ret-other'")).containsExactly(othersOld);
        assertThat(ids("select escalation_id from staff_notice where tenant_id = 'esc-ret-other'")).containsExactly(othersOld);
        assertThat(audited).containsExactly("esc-ret retention.purge escalation: 1, disclosure-request: 0, patron-reference: 0");
    }

    @Test
    void the_library_systems_own_period_decides_when_an_escalation_is_due() throws SQLException {
        ScheduleDatabase.SCHEDULE.db();
        ScheduleDatabase.SCHEDULE.tenant("esc-ret-short");
        UUID decided = escalation("esc-ret-short", "2029-11-01Z");
        ScheduleDatabase.SCHEDULE.inTenant("esc-ret-short", em -> new org.servicepoint.confidentiality.control.RetentionStore()
                .change(em, List.of(new EscalationRetention()), Map.of("escalation", 62)));
        Optional<Purged> early = ScheduleDatabase.SCHEDULE.inTenant("esc-ret-short", em -> Retention.purge(em, TenantId.of("esc-ret-short"),
                Caller.SYSTEM, audit, List.of(new EscalationRetention()), List.of(), Instant.parse("2029-12-31T23:59:59Z")));
        assertThat(early.get().others()).isEqualTo(Map.of("escalation", 0));
        Optional<Purged> due = ScheduleDatabase.SCHEDULE.inTenant("esc-ret-short", em -> Retention.purge(em, TenantId.of("esc-ret-short"),
                Caller.SYSTEM, audit, List.of(new EscalationRetention()), List.of(), Instant.parse("2030-01-02T00:00:00Z")));
        assertThat(due.get().others()).isEqualTo(Map.of("escalation", 1));
        assertThat(ids("select id from escalation where id = '" + decided + "'")).isEmpty();
    }

    static UUID escalation(String tenant, String outcomeAt) {
        UUID id = UUID.randomUUID();
        String outcome = outcomeAt == null ? "null, null, null" : "'\\x01', 'pat', '" + outcomeAt + "'";
        sql("insert into escalation (id, tenant_id, branch_code, situation, reported_by, at_headquarters, reason, created_at, "
                + "sealed_outcome, outcome_by, outcome_at) values ('" + id + "', '" + tenant + "', 'EAST', 'patron-data-request', "
                + "'sam', false, 'rule', '2020-01-01Z', " + outcome + ")");
        return id;
    }

    static void notice(String tenant, UUID escalation) {
        sql("insert into staff_notice (id, tenant_id, staff_member_id, username, text, escalation_id, created_at) values "
                + "(gen_random_uuid(), '" + tenant + "', gen_random_uuid(), 'pat', 'An escalation', '" + escalation + "', '2020-01-01Z')");
    }

    static void sql(String statement) {
        try (Connection c = ScheduleDatabase.SCHEDULE.db().superuser().getConnection(); Statement s = c.createStatement()) {
            s.execute(statement);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<UUID> ids(String sql) throws SQLException {
        return ScheduleDatabase.SCHEDULE.db().firstColumn(sql, UUID.class);
    }
}
