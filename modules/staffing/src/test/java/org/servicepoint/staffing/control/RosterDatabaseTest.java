package org.servicepoint.staffing.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.servicepoint.platform.testing.WallChecks.assertWriteWithoutTenantFails;
import static org.servicepoint.staffing.control.ScheduleDatabase.SCHEDULE;

import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.servicepoint.platform.control.Refusal;
import org.servicepoint.platform.testing.TestDatabase;
import org.servicepoint.staffing.control.RosterStore.Filter;
import org.servicepoint.staffing.entity.EmploymentType;
import org.servicepoint.staffing.entity.StaffMember;

/**
 * The roster's store on real PostgreSQL, connected as the superuser (row-level security does not bind it), so
 * what keeps the library systems apart here is the EclipseLink tenant filter alone.
 */
class RosterDatabaseTest {

    static final String EAST = "roster-east";
    static final String WEST = "roster-west";
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-10T12:00:00Z"), ZoneOffset.UTC);

    static TestDatabase db;

    @BeforeAll
    static void start() throws SQLException {
        db = SCHEDULE.db();
        try (Connection c = db.superuser().getConnection(); Statement s = c.createStatement()) {
            for (String slug : List.of(EAST, WEST)) {
                s.executeUpdate("insert into tenant (slug, name, time_zone, locale, status, created_at, updated_at) values ('"
                        + slug + "', '" + slug + "', 'UTC', 'en-US', 'ACTIVE', now(), now()) on conflict do nothing");
            }
        }
    }

    static RosterStore store(String tenant) {
        return new RosterStore(RosterFixtures.system(tenant), CLOCK);
    }

    /** One transaction as one library system, EclipseLink's filter alone (as the superuser). */
    static <T> T as(String tenant, Function<EntityManager, T> work) {
        return SCHEDULE.asOwner(tenant, work);
    }

    static int rows(String where) throws SQLException {
        try (Connection c = db.superuser().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select count(*) from staff_member where " + where)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    static String unique(String base) {
        return base + UUID.randomUUID().toString().substring(0, 6);
    }

    @Test
    void an_entry_is_stored_stamped_with_its_library_system_and_read_back_with_names() throws SQLException {
        String username = unique("zoe");
        StaffRecord added = as(EAST, em -> store(EAST).add(em, RosterFixtures.details("  Zoe\u0308 ", username)));
        assertThat(added.tagName()).isEqualTo("Zoë");
        assertThat(added.positionName()).isEqualTo("Library assistant");
        assertThat(added.branchName()).isEqualTo("North End Branch");
        assertThat(added.active()).isTrue();
        assertThat(added.version()).isPositive();
        assertThat(rows("id = '" + added.id() + "' and tenant_id = '" + EAST + "'")).isEqualTo(1);
        StaffRecord read = as(EAST, em -> store(EAST).read(em, added.id()));
        assertThat(read).isEqualTo(added);
    }

    @Test
    void another_library_system_sees_none_of_the_rows_not_even_by_id() {
        StaffRecord east = as(EAST, em -> store(EAST).add(em, RosterFixtures.details("Only East", null)));
        List<StaffRecord> west = as(WEST, em -> store(WEST).list(em, Filter.EVERYONE));
        assertThat(west).extracting(StaffRecord::id).doesNotContain(east.id());
        assertThat(west).extracting(StaffRecord::tagName).doesNotContain("Only East");
        assertThatThrownBy(() -> as(WEST, em -> store(WEST).read(em, east.id())))
                .isInstanceOfSatisfying(Refusal.class, e -> assertThat(e.status()).isEqualTo(404));
        assertThatThrownBy(() -> as(WEST, em -> store(WEST).end(em, east.id(), LocalDate.of(2026, 4, 1))))
                .isInstanceOfSatisfying(Refusal.class, e -> assertThat(e.status()).isEqualTo(404));
    }

    @Test
    void a_username_is_unique_within_a_library_system_only() {
        String username = unique("sam");
        as(EAST, em -> store(EAST).add(em, RosterFixtures.details("Sam", username)));
        assertThatThrownBy(() -> as(EAST, em -> store(EAST).add(em, RosterFixtures.details("Other Sam", username))))
                .isInstanceOfSatisfying(Refusal.class, e -> {
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.getMessage()).contains(username);
                });
        assertThat(as(WEST, em -> store(WEST).add(em, RosterFixtures.details("West Sam", username))).username())
                .isEqualTo(username);
    }

    @Test
    void the_database_refuses_a_second_username_even_when_the_check_is_bypassed() {
        String username = unique("dup");
        as(EAST, em -> store(EAST).add(em, RosterFixtures.details("First", username)));
        assertThatThrownBy(() -> as(EAST, em -> {
            em.persist(new StaffMember("Second", "volunteer", "HQ", EmploymentType.VOLUNTEER, LocalDate.of(2025, 1, 1), null,
                    username));
            em.flush();
            return null;
        })).hasStackTraceContaining("staff_member_username");
    }

    @Test
    void a_change_needs_the_version_read_but_repeating_it_is_harmless() {
        StaffRecord added = as(EAST, em -> store(EAST).add(em, RosterFixtures.details("Ana", unique("ana"))));
        StaffDetails promoted = new StaffDetails("Ana", added.username(), "branch-manager", "HQ", "permanent",
                added.startsOn(), null);

        RosterStore.Change first = as(EAST, em -> store(EAST).replace(em, added.id(), promoted, added.version()));
        assertThat(first.fields()).containsExactly("position", "branch");
        assertThat(first.member().version()).isGreaterThan(added.version());

        // The same PUT again, with the now stale version: nothing to change, so nothing to refuse.
        RosterStore.Change again = as(EAST, em -> store(EAST).replace(em, added.id(), promoted, added.version()));
        assertThat(again.changed()).isFalse();
        assertThat(again.member()).isEqualTo(first.member());

        StaffDetails renamed = new StaffDetails("Anita", added.username(), "branch-manager", "HQ", "permanent",
                added.startsOn(), null);
        assertThatThrownBy(() -> as(EAST, em -> store(EAST).replace(em, added.id(), renamed, added.version())))
                .isInstanceOfSatisfying(Refusal.class, e -> assertThat(e.status()).isEqualTo(409));
        assertThat(as(EAST, em -> store(EAST).read(em, added.id())).tagName()).isEqualTo("Ana");
    }

    @Test
    void ended_members_leave_the_list_unless_asked_for() {
        StaffRecord leaving = as(EAST, em -> store(EAST).add(em, RosterFixtures.details("Leaving Soon", null)));
        StaffRecord left = as(EAST, em -> store(EAST).add(em, RosterFixtures.details("Left Already", null)));
        as(EAST, em -> store(EAST).end(em, leaving.id(), LocalDate.of(2026, 3, 10)));    // today: still here
        RosterStore.Change ended = as(EAST, em -> store(EAST).end(em, left.id(), LocalDate.of(2026, 3, 9)));
        assertThat(ended.member().active()).isFalse();
        assertThat(ended.member().endsOn()).isEqualTo(LocalDate.of(2026, 3, 9));
        assertThat(as(EAST, em -> store(EAST).end(em, left.id(), LocalDate.of(2026, 3, 9))).changed()).isFalse();

        List<StaffRecord> current = as(EAST, em -> store(EAST).list(em, new Filter(null, false)));
        assertThat(current).extracting(StaffRecord::id).contains(leaving.id()).doesNotContain(left.id());
        List<StaffRecord> everyone = as(EAST, em -> store(EAST).list(em, new Filter(null, true)));
        assertThat(everyone).extracting(StaffRecord::id).contains(leaving.id(), left.id());

        assertThatThrownBy(() -> as(EAST, em -> store(EAST).end(em, left.id(), LocalDate.of(2020, 1, 1))))
                .isInstanceOfSatisfying(Refusal.class, e -> assertThat(e.status()).isEqualTo(400));
    }

    @Test
    void the_list_filters_by_branch_and_refuses_an_unknown_one() {
        as(EAST, em -> store(EAST).add(em, new StaffDetails("At HQ", null, "volunteer", "hq", "volunteer",
                LocalDate.of(2025, 1, 1), null)));
        List<StaffRecord> hq = as(EAST, em -> store(EAST).list(em, new Filter("hq", false)));
        assertThat(hq).isNotEmpty().extracting(StaffRecord::branch).containsOnly("HQ");
        assertThatThrownBy(() -> as(EAST, em -> store(EAST).list(em, new Filter("SOUTH", false))))
                .isInstanceOfSatisfying(Refusal.class, e -> assertThat(e.status()).isEqualTo(400));
    }

    @Test
    void an_import_applies_every_row_or_none() throws SQLException {
        String tenant = WEST;
        String a = unique("imp");
        String b = unique("imp");
        String file = RosterImportTest.HEADER
                + "Zoë," + a + ",volunteer,HQ,volunteer,2025-01-01,\r\n"
                + "Дмитрий," + b + ",library-assistant,NORTH-END,permanent,2025-02-01,\r\n"
                + "Σοφία,,volunteer,HQ,page,2025-03-01,\r\n";
        int before = rows("tenant_id = '" + tenant + "'");

        String broken = file + "Bad,,nobody,HQ,page,2025-03-01,\r\n";
        assertThatThrownBy(() -> as(tenant, em -> store(tenant).importRows(em, RosterCsv.read(broken))))
                .isInstanceOfSatisfying(Refusal.class, e -> assertThat(e.violations()).extracting(Refusal.Violation::field)
                        .containsExactly("row 5: position"));
        assertThat(rows("tenant_id = '" + tenant + "'")).isEqualTo(before);

        ImportSummary first = as(tenant, em -> store(tenant).importRows(em, RosterCsv.read(file)));
        assertThat(first).isEqualTo(new ImportSummary(3, 0, 0));
        assertThat(rows("tenant_id = '" + tenant + "'")).isEqualTo(before + 3);
        assertThat(rows("tenant_id = '" + tenant + "' and username = '" + b + "' and tag_name = 'Дмитрий'")).isEqualTo(1);

        String changed = file.replace(b + ",library-assistant", b + ",branch-manager");
        ImportSummary second = as(tenant, em -> store(tenant).importRows(em, RosterCsv.read(changed)));
        assertThat(second).isEqualTo(new ImportSummary(0, 1, 2));
        assertThat(rows("tenant_id = '" + tenant + "'")).isEqualTo(before + 3);
        assertThat(rows("tenant_id = '" + EAST + "' and username in ('" + a + "', '" + b + "')")).isZero();
    }

    @Test
    void a_write_without_a_library_system_fails_loudly() {
        assertWriteWithoutTenantFails(SCHEDULE.owner(), new StaffMember("Orphan", "volunteer", "HQ", EmploymentType.VOLUNTEER,
                LocalDate.of(2025, 1, 1), null, null));
    }
}
