package org.servicepoint.staffing.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.servicepoint.staffing.control.ScheduleDatabase.SCHEDULE;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.servicepoint.staffing.entity.EmploymentType;
import org.servicepoint.staffing.entity.StaffMember;

/**
 * The look-up behind the timer that closes accounts whose last day has passed ({@code staff_accounts_to_close},
 * staffing V31), on real PostgreSQL as the application role with no library system bound: it finds exactly the open
 * accounts of ended entries of every library system, ids only, oldest last day first, and nothing else is readable.
 */
class EndedAccountsDatabaseTest {

    static final String TENANT = "ended-accounts-a";
    static final String OTHER = "ended-accounts-b";
    static final LocalDate TODAY = LocalDate.parse("2031-06-10");
    static UUID endedLongAgo;
    static UUID endedYesterday;
    static UUID endedElsewhere;
    static UUID endsToday;
    static UUID endsLater;
    static UUID neverSignedIn;
    static UUID alreadyClosed;

    @BeforeAll
    static void roster() {
        SCHEDULE.tenant(TENANT);
        SCHEDULE.tenant(OTHER);
        endedLongAgo = member(TENANT, "Ada", "2031-01-31", true, false);
        endedYesterday = member(TENANT, "Bea", "2031-06-09", true, false);
        endsToday = member(TENANT, "Cy", "2031-06-10", true, false);
        endsLater = member(TENANT, "Dot", "2031-07-01", true, false);
        neverSignedIn = member(TENANT, "Eli", "2031-02-01", false, false);
        alreadyClosed = member(TENANT, "Fay", "2031-02-02", true, true);
        endedElsewhere = member(OTHER, "Gus", "2031-03-01", true, false);
    }

    static UUID member(String tenant, String tag, String lastDay, boolean signsIn, boolean closed) {
        return SCHEDULE.inTenant(tenant, em -> {
            StaffMember m = new StaffMember(tag, "library-assistant", "HQ", EmploymentType.PERMANENT, LocalDate.parse("2020-01-01"),
                    LocalDate.parse(lastDay), tag.toLowerCase(java.util.Locale.ROOT) + "." + UUID.randomUUID(), null);
            m.allowSignIn(signsIn);
            m.markAccountClosed(closed);
            em.persist(m);
            return m.id();
        });
    }

    @SuppressWarnings("unchecked")
    static List<Object[]> due(LocalDate onDay, int max) {
        return SCHEDULE.unbound(em -> em.createNativeQuery("select tenant_id, staff_member_id from staff_accounts_to_close(?1, ?2)")
                .setParameter(1, max).setParameter(2, java.sql.Date.valueOf(onDay)).getResultList());
    }

    static UUID id(Object[] row) {
        return row[1] instanceof UUID id ? id : UUID.fromString(row[1].toString());
    }

    @Test
    void open_accounts_of_ended_entries_of_every_library_system_are_found_oldest_last_day_first_and_no_others() {
        List<Object[]> rows = due(TODAY, 100);
        List<UUID> found = rows.stream().map(EndedAccountsDatabaseTest::id)
                .filter(List.of(endedLongAgo, endedYesterday, endsToday, endsLater, neverSignedIn, alreadyClosed, endedElsewhere)::contains)
                .toList();
        // The day itself counts as due here; the timer then checks the library system's own date before closing.
        assertThat(found).containsExactly(endedLongAgo, endedElsewhere, endedYesterday, endsToday);
        assertThat(rows.stream().filter(row -> id(row).equals(endedElsewhere)).map(row -> row[0]))
                .containsExactly(OTHER);
    }

    @Test
    void the_look_up_stops_at_its_batch_size() {
        assertThat(due(TODAY, 2)).hasSize(2);
    }

    @Test
    void unbound_the_application_role_reads_no_roster_row_itself() {
        Number visible = SCHEDULE.unbound(em -> (Number) em.createNativeQuery("select count(*) from staff_member").getSingleResult());
        assertThat(visible.longValue()).isZero();
    }
}
