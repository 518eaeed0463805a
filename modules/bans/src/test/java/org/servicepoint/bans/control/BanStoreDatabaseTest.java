// Over 400 lines on purpose: one ban's life on one fixture (database, patron references, a clock moved by hand); each
// case builds on the same card and branches.
package org.servicepoint.bans.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.servicepoint.bans.control.BansDatabase.BANS;
import static org.servicepoint.bans.control.Fixtures.NOW;
import static org.servicepoint.bans.control.Fixtures.director;
import static org.servicepoint.bans.control.Fixtures.library;
import static org.servicepoint.bans.control.Fixtures.northManager;
import static org.servicepoint.bans.control.Fixtures.southManager;
import static org.servicepoint.platform.testing.Refusals.refusalOf;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.servicepoint.bans.control.BanStore.Imposed;
import org.servicepoint.bans.entity.BanStatus;
import org.servicepoint.confidentiality.control.MasterKeys;
import org.servicepoint.confidentiality.control.PatronReferenceStore;
import org.servicepoint.confidentiality.control.TenantKeys;
import org.servicepoint.platform.control.Caller;
import org.servicepoint.platform.control.Refusal;
import org.servicepoint.platform.entity.TenantId;
import org.servicepoint.platform.testing.TestClock;
import org.servicepoint.platform.testing.TestDatabase;
import org.servicepoint.platform.testing.WallChecks;

/**
 * Bans on real PostgreSQL as the application role, with both tenant walls bound, going from a card number
 * through the real patron reference (keyed hash, encrypted fields) to the desk's answer, with the clock moved by
 * hand: bans start, apply by scope, end by themselves, are lifted, and stay inside their library system.
 */
class BanStoreDatabaseTest {

    static final String RIVER = "bans-river";
    static final String LAKE = "bans-lake";
    static final SecureRandom RANDOM = new SecureRandom();

    static TestDatabase db;
    static final TestClock CLOCK = new TestClock(NOW);
    static TenantKeys keys;

    @BeforeAll
    static void start() {
        db = BANS.db();
        BANS.tenant(RIVER);
        BANS.tenant(LAKE);
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        keys = new TenantKeys(MasterKeys.of("k1", Base64.getEncoder().encodeToString(raw), Optional.empty()), CLOCK, RANDOM);
    }

    @BeforeEach
    void backToNow() {
        CLOCK.at(NOW);
    }

    /** A card number no other test uses. */
    static String card() {
        return "29" + String.format("%012d", Math.abs(RANDOM.nextLong() % 1_000_000_000_000L));
    }

    static UUID reference(String tenant, String card) {
        return BANS.inTenant(tenant, em -> new PatronReferenceStore(CLOCK)
                .reference(em, keys.ring(em, TenantId.of(tenant), true), card, null).id());
    }

    /** The store with the tenant's real key ring (made on first use) sealing and opening the reasons. */
    static BanStore store(String tenant, jakarta.persistence.EntityManager em) {
        return new BanStore(TenantId.of(tenant), library(), CLOCK, keys.ring(em, TenantId.of(tenant), true));
    }

    static Imposed impose(String tenant, Caller caller, NewBan wanted) {
        return impose(tenant, caller, wanted, null);
    }

    static Imposed impose(String tenant, Caller caller, NewBan wanted, UUID incidentReport) {
        BanRules.Checked checked = BanRules.check(wanted, library(), caller, CLOCK.instant());
        return BANS.inTenant(tenant, em -> store(tenant, em).impose(em, caller, wanted.patronReferenceId(), incidentReport, checked));
    }

    /** What the desk is told: the card's reference found by its keyed hash, then the bans in force at the branch. */
    static BanLookup deskAsks(String tenant, String card, String branch) {
        return BANS.inTenant(tenant, em -> new PatronReferenceStore(CLOCK).lookup(em, keys.ring(em, TenantId.of(tenant), false), card)
                .map(patron -> store(tenant, em).lookup(em, patron, branch).answer())
                .orElse(BanLookup.notBanned(branch)));
    }

    static BanView lift(String tenant, Caller caller, UUID id, String reason, Long version) {
        return BANS.inTenant(tenant, em -> store(tenant, em).lift(em, caller, id, reason, version));
    }

    static List<BanView> list(String tenant, Caller caller, BanFilter filter) {
        return BANS.inTenant(tenant, em -> store(tenant, em).list(em, caller, filter));
    }

    static int status(Refusal refusal) {
        return refusal.status();
    }

    @Test
    void the_desk_is_told_banned_with_the_end_until_the_end_passes_by_itself() {
        String card = card();
        UUID patron = reference(RIVER, card);
        Imposed imposed = impose(RIVER, northManager(RIVER), Fixtures.branchBan(patron, "NORTH", "2026-04-10T09:00"));
        assertThat(imposed.created()).isTrue();
        assertThat(imposed.ban().status()).isEqualTo("active");

        BanLookup atNorth = deskAsks(RIVER, card, "NORTH");
        assertThat(atNorth.banned()).isTrue();
        assertThat(atNorth.endsAt()).isEqualTo(OffsetDateTime.parse("2026-04-10T09:00-05:00"));
        assertThat(atNorth.scope()).isEqualTo("branch");
        // As typed or scanned: spaces and hyphens do not matter.
        assertThat(deskAsks(RIVER, card.substring(0, 4) + " " + card.substring(4, 9) + "-" + card.substring(9), "NORTH").banned()).isTrue();
        assertThat(deskAsks(RIVER, card, "SOUTH").banned()).isFalse();

        CLOCK.at("2026-04-10T13:59:59.999999Z");
        assertThat(deskAsks(RIVER, card, "NORTH").banned()).isTrue();
        CLOCK.at("2026-04-10T14:00:00Z");
        BanLookup after = deskAsks(RIVER, card, "NORTH");
        assertThat(after.banned()).isFalse();
        assertThat(after.endsAt()).isNull();
        assertThat(after.scope()).isNull();
        assertThat(BANS.inTenant(RIVER, em -> store(RIVER, em).read(em, northManager(RIVER), imposed.ban().id())).status()).isEqualTo("ended");
    }

    @Test
    void a_card_never_banned_and_a_card_never_seen_are_both_not_banned() {
        String card = card();
        reference(RIVER, card);
        assertThat(deskAsks(RIVER, card, "NORTH").banned()).isFalse();
        assertThat(deskAsks(RIVER, card(), "NORTH").banned()).isFalse();
    }

    @Test
    void a_system_ban_applies_at_every_branch_and_the_ban_that_ends_last_is_the_answer() {
        String card = card();
        UUID patron = reference(RIVER, card);
        impose(RIVER, northManager(RIVER), Fixtures.branchBan(patron, "NORTH", "2026-07-01T00:00"));
        impose(RIVER, southManager(RIVER), Fixtures.systemBan(patron, "2026-05-01T00:00"));
        BanLookup north = deskAsks(RIVER, card, "NORTH");
        assertThat(north.endsAt()).isEqualTo(OffsetDateTime.parse("2026-07-01T00:00-05:00"));
        assertThat(north.scope()).isEqualTo("branch");
        BanLookup south = deskAsks(RIVER, card, "SOUTH");
        assertThat(south.endsAt()).isEqualTo(OffsetDateTime.parse("2026-05-01T00:00-05:00"));
        assertThat(south.scope()).isEqualTo("system");
        assertThat(deskAsks(RIVER, card, "HQ").banned()).isTrue();
    }

    @Test
    void an_upcoming_ban_is_not_yet_in_force() {
        String card = card();
        UUID patron = reference(RIVER, card);
        NewBan later = new NewBan(null, null, patron, null, "system", null, "2026-03-20T09:00", "2026-04-20T09:00", "Repeated misuse", null);
        assertThat(impose(RIVER, northManager(RIVER), later).ban().status()).isEqualTo("upcoming");
        assertThat(deskAsks(RIVER, card, "NORTH").banned()).isFalse();
        CLOCK.at("2026-03-20T14:00:00Z");
        assertThat(deskAsks(RIVER, card, "NORTH").banned()).isTrue();
    }

    @Test
    void lifting_ends_a_ban_at_once_and_only_once() {
        String card = card();
        UUID patron = reference(RIVER, card);
        BanView ban = impose(RIVER, northManager(RIVER), Fixtures.branchBan(patron, "NORTH", "2026-06-01T00:00")).ban();

        Refusal stale = refusalOf(() -> lift(RIVER, northManager(RIVER), ban.id(), "Apologised", ban.version() + 1));
        assertThat(status(stale)).isEqualTo(409);
        Refusal otherBranch = refusalOf(() -> lift(RIVER, southManager(RIVER), ban.id(), "Apologised", null));
        assertThat(status(otherBranch)).isEqualTo(404);
        Refusal noReason = refusalOf(() -> lift(RIVER, northManager(RIVER), ban.id(), " ", null));
        assertThat(status(noReason)).isEqualTo(400);

        CLOCK.at("2026-03-12T15:00:00Z");
        BanView lifted = lift(RIVER, northManager(RIVER), ban.id(), "Apologised in writing", ban.version());
        assertThat(lifted.status()).isEqualTo("lifted");
        assertThat(lifted.liftedBy()).isEqualTo("rosa");
        assertThat(lifted.liftReason()).isEqualTo("Apologised in writing");
        assertThat(lifted.liftedAt()).isEqualTo(OffsetDateTime.parse("2026-03-12T10:00-05:00"));
        assertThat(deskAsks(RIVER, card, "NORTH").banned()).isFalse();
        assertThat(status(refusalOf(() -> lift(RIVER, director(RIVER), ban.id(), "again", null)))).isEqualTo(409);

        BanView ended = impose(RIVER, northManager(RIVER), Fixtures.branchBan(patron, "NORTH", "2026-03-13T00:00")).ban();
        CLOCK.at("2026-03-14T00:00:00Z");
        assertThat(status(refusalOf(() -> lift(RIVER, northManager(RIVER), ended.id(), "late", null)))).isEqualTo(409);
    }

    @Test
    void a_person_in_charge_bans_at_their_own_branch_or_everywhere_and_headquarters_anywhere() {
        UUID patron = reference(RIVER, card());
        Refusal refused = refusalOf(() -> impose(RIVER, northManager(RIVER), Fixtures.branchBan(patron, "SOUTH", "2026-06-01T00:00")));
        assertThat(status(refused)).isEqualTo(403);
        assertThat(status(refusalOf(() -> impose(RIVER, Fixtures.desk(RIVER), Fixtures.systemBan(patron, "2026-06-01T00:00")))))
                .isEqualTo(403);
        assertThat(impose(RIVER, director(RIVER), Fixtures.branchBan(patron, "SOUTH", "2026-06-01T00:00")).created()).isTrue();
    }

    @Test
    void the_same_request_again_within_a_minute_is_the_same_ban() {
        UUID patron = reference(RIVER, card());
        NewBan wanted = Fixtures.branchBan(patron, "NORTH", "2026-06-01T00:00");
        Imposed first = impose(RIVER, northManager(RIVER), wanted);
        CLOCK.at(NOW.plusSeconds(30));
        Imposed again = impose(RIVER, northManager(RIVER), wanted);
        assertThat(again.created()).isFalse();
        assertThat(again.ban().id()).isEqualTo(first.ban().id());
        assertThat(again.ban().startsAt()).isEqualTo(first.ban().startsAt());

        NewBan otherReason = new NewBan(null, null, patron, null, "branch", "NORTH", null, "2026-06-01T00:00", "Another reason", null);
        assertThat(impose(RIVER, northManager(RIVER), otherReason).created()).isTrue();
        CLOCK.at(NOW.plusSeconds(61));
        assertThat(impose(RIVER, northManager(RIVER), wanted).created()).isTrue();
    }

    @Test
    void the_ban_table_holds_no_card_number_and_the_patron_only_as_a_reference() throws SQLException {
        String card = "ZQ7X-4455-1029-KW";
        UUID patron = reference(RIVER, card);
        UUID id = impose(RIVER, northManager(RIVER), Fixtures.systemBan(patron, "2026-06-01T00:00")).ban().id();
        List<String> forbidden = List.of("ZQ7X44551029KW", "ZQ7X-4455-1029-KW", "44551029", "29KW");
        List<String> values = new ArrayList<>();
        try (Connection c = db.superuser().getConnection();
             PreparedStatement p = c.prepareStatement("select * from computer_use_ban where tenant_id = ?")) {
            p.setString(1, RIVER);
            try (ResultSet rs = p.executeQuery()) {
                ResultSetMetaData meta = rs.getMetaData();
                while (rs.next()) {
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        byte[] bytes = rs.getBytes(i);
                        values.add(bytes == null ? "" : new String(bytes, StandardCharsets.UTF_8).toUpperCase());
                    }
                }
            }
            try (PreparedStatement q = c.prepareStatement("select patron_reference_id from computer_use_ban where id = ?")) {
                q.setObject(1, id);
                try (ResultSet rs = q.executeQuery()) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getObject(1)).isEqualTo(patron);
                }
            }
        }
        assertThat(values).isNotEmpty();
        for (String value : values) {
            for (String secret : forbidden) {
                assertThat(value).doesNotContain(secret);
            }
        }
    }

    @Test
    void the_owner_reads_no_ban_or_lift_reason_in_plain_text_and_the_persons_in_charge_read_both() throws SQLException {
        String marker = "Quillon" + UUID.randomUUID().toString().substring(0, 8);
        UUID patron = reference(RIVER, card());
        NewBan wanted = new NewBan(null, null, patron, null, "branch", "NORTH", null, "2026-06-01T00:00",
                "Threw a chair at patron Ada " + marker, null);
        UUID id = impose(RIVER, northManager(RIVER), wanted).ban().id();
        BanView lifted = lift(RIVER, northManager(RIVER), id, "Apologised to Ada " + marker, null);
        assertThat(lifted.reason()).isEqualTo("Threw a chair at patron Ada " + marker);
        assertThat(lifted.liftReason()).isEqualTo("Apologised to Ada " + marker);
        assertThat(list(RIVER, director(RIVER), new BanFilter(null, null, null, 500))).filteredOn(b -> b.id().equals(id))
                .extracting(BanView::reason).containsExactly("Threw a chair at patron Ada " + marker);
        try (Connection c = db.superuser().getConnection(); PreparedStatement p = c.prepareStatement(
                "select count(*) from computer_use_ban b where b::text like ?")) {
            p.setString(1, "%" + marker + "%");
            try (ResultSet rs = p.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getLong(1)).isZero();
            }
        }
        try (Connection c = db.superuser().getConnection(); PreparedStatement p = c.prepareStatement(
                "select reason, lift_reason, reason_plain, lift_reason_plain from computer_use_ban where id = ?")) {
            p.setObject(1, id);
            try (ResultSet rs = p.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(new String(rs.getBytes(1), StandardCharsets.ISO_8859_1)).doesNotContain("Ada");
                assertThat(new String(rs.getBytes(2), StandardCharsets.ISO_8859_1)).doesNotContain("Ada");
                assertThat(rs.getString(3)).isNull();
                assertThat(rs.getString(4)).isNull();
            }
        }
    }

    @Test
    void a_reason_sealed_before_a_data_key_rotation_still_reads_and_a_changed_byte_is_refused() {
        String tenant = "bans-rotate";
        BANS.tenant(tenant);
        UUID patron = reference(tenant, card());
        UUID id = impose(tenant, northManager(tenant), new NewBan(null, null, patron, null, "branch", "NORTH", null, "2026-06-01T00:00",
                "Before the rotation", null)).ban().id();
        BANS.inTenant(tenant, em -> {
            int version = keys.rotate(em, TenantId.of(tenant), org.servicepoint.confidentiality.entity.TenantDataKey.Purpose.DATA);
            return keys.retireBelow(em, org.servicepoint.confidentiality.entity.TenantDataKey.Purpose.DATA, version);
        });
        assertThat(BANS.inTenant(tenant, em -> store(tenant, em).read(em, northManager(tenant), id)).reason()).isEqualTo("Before the rotation");
        BanView lifted = lift(tenant, northManager(tenant), id, "After the rotation", null);
        assertThat(lifted.reason()).isEqualTo("Before the rotation");
        assertThat(lifted.liftReason()).isEqualTo("After the rotation");
        // The rotation's step for other contexts: the old reason sealed again under the new version, as the application role.
        int resealed = BANS.inTenant(tenant, em -> org.servicepoint.confidentiality.control.SealedText.resealColumns(em,
                keys.ring(em, TenantId.of(tenant), false), BanStore.TABLE, "reason", "lift_reason"));
        assertThat(resealed).isEqualTo(1);
        assertThat(BANS.inTenant(tenant, em -> store(tenant, em).read(em, northManager(tenant), id)).reason()).isEqualTo("Before the rotation");

        // One changed byte of a sealed reason: it no longer opens, and the ban is refused rather than shown wrong.
        BANS.asOwnerSql("alter table computer_use_ban disable trigger computer_use_ban_settled",
                "update computer_use_ban set reason = set_byte(reason, 29, 255 - get_byte(reason, 29)) where id = '" + id + "'",
                "alter table computer_use_ban enable trigger computer_use_ban_settled");
        assertThat(status(refusalOf(() -> BANS.inTenant(tenant, em -> store(tenant, em).read(em, northManager(tenant), id))))).isEqualTo(409);
    }

    @Test
    void reasons_written_before_sealing_are_sealed_once_at_start_and_read_as_before() throws SQLException {
        UUID patron = reference(RIVER, card());
        UUID id = impose(RIVER, northManager(RIVER), new NewBan(null, null, patron, null, "system", null, null, "2026-06-01T00:00",
                "Old plain reason", null)).ban().id();
        lift(RIVER, northManager(RIVER), id, "Old plain lift reason", null);
        // How a row written before migration V15 looks: plain text, no sealed value.
        BANS.asOwnerSql("alter table computer_use_ban disable trigger computer_use_ban_settled",
                "update computer_use_ban set reason_plain = 'Old plain reason', reason = null, lift_reason_plain = 'Old plain lift reason', "
                        + "lift_reason = null where id = '" + id + "'",
                "alter table computer_use_ban enable trigger computer_use_ban_settled");
        // As the application role, with the settled trigger on: the one change it allows.
        int sealed = BANS.inTenant(RIVER, em -> org.servicepoint.confidentiality.control.SealedText.sealPlainColumns(em,
                keys.ring(em, TenantId.of(RIVER), true), BanStore.TABLE, "reason", "lift_reason"));
        assertThat(sealed).isEqualTo(2);
        BanView read = BANS.inTenant(RIVER, em -> store(RIVER, em).read(em, northManager(RIVER), id));
        assertThat(read.reason()).isEqualTo("Old plain reason");
        assertThat(read.liftReason()).isEqualTo("Old plain lift reason");
        try (Connection c = db.superuser().getConnection(); PreparedStatement p = c.prepareStatement(
                "select count(*) from computer_use_ban b where b::text like '%Old plain%'"); ResultSet rs = p.executeQuery()) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getLong(1)).isZero();
        }
    }

    @Test
    void another_library_system_neither_sees_the_ban_nor_finds_the_card_banned() {
        String card = card();
        UUID patron = reference(RIVER, card);
        UUID id = impose(RIVER, northManager(RIVER), Fixtures.systemBan(patron, "2026-06-01T00:00")).ban().id();
        // The same card in another library system is another patron reference, with no ban.
        UUID lakePatron = reference(LAKE, card);
        assertThat(lakePatron).isNotEqualTo(patron);
        assertThat(deskAsks(LAKE, card, "NORTH").banned()).isFalse();
        assertThat(status(refusalOf(() -> BANS.inTenant(LAKE, em -> store(LAKE, em).read(em, director(LAKE), id))))).isEqualTo(404);
        assertThat(status(refusalOf(() -> lift(LAKE, director(LAKE), id, "not ours", null)))).isEqualTo(404);
        assertThat(list(LAKE, director(LAKE), new BanFilter(null, null, null, 500))).extracting(BanView::id).doesNotContain(id);
        // Even naming River's patron reference in Lake finds nothing.
        assertThat(BANS.inTenant(LAKE, em -> store(LAKE, em).lookup(em, patron, "NORTH").answer()).banned()).isFalse();
    }

    @Test
    void a_ban_follows_from_an_incident_report_of_its_own_library_system_only() {
        UUID patron = reference(RIVER, card());
        UUID riverReport = BansDatabase.incidentReport(RIVER);
        UUID lakeReport = BansDatabase.incidentReport(LAKE);
        BanView ban = impose(RIVER, northManager(RIVER), Fixtures.systemBan(patron, "2026-06-01T00:00"), riverReport).ban();
        assertThat(ban.incidentReportId()).isEqualTo(riverReport);
        assertThat(BANS.inTenant(RIVER, em -> store(RIVER, em).read(em, northManager(RIVER), ban.id())).incidentReportId()).isEqualTo(riverReport);
        Refusal foreign = refusalOf(() -> impose(RIVER, northManager(RIVER),
                new NewBan(null, null, patron, null, "system", null, null, "2026-06-02T00:00", "Other", null), lakeReport));
        assertThat(status(foreign)).isEqualTo(400);
        assertThat(foreign.violations()).extracting(v -> v.field()).containsExactly("incidentReportId");
    }

    @Test
    void lists_filter_by_status_branch_and_review_and_show_each_person_what_they_may_see() {
        String tenant = "bans-lists";
        BANS.tenant(tenant);
        UUID patron = reference(tenant, card());
        CLOCK.at("2026-03-01T15:00:00Z");
        UUID ended = impose(tenant, northManager(tenant), Fixtures.branchBan(patron, "NORTH", "2026-03-05T00:00")).ban().id();
        CLOCK.at("2026-03-01T15:01:00Z");
        UUID lifted = impose(tenant, northManager(tenant), Fixtures.systemBan(patron, "2026-05-01T00:00")).ban().id();
        lift(tenant, northManager(tenant), lifted, "Imposed in error", null);
        CLOCK.at("2026-03-01T15:02:00Z");
        UUID southDue = impose(tenant, southManager(tenant), new NewBan(null, null, patron, null, "branch", "SOUTH", null,
                "2026-05-01T00:00", "Damaged a mouse", "2026-03-08")).ban().id();
        CLOCK.at("2026-03-01T15:03:00Z");
        UUID northLater = impose(tenant, northManager(tenant), new NewBan(null, null, patron, null, "branch", "NORTH", null,
                "2026-05-01T00:00", "Ate at the computer", "2026-04-01")).ban().id();
        UUID upcoming = impose(tenant, director(tenant), new NewBan(null, null, patron, null, "system", null, "2026-04-01T00:00",
                "2026-05-01T00:00", "Second offence", null)).ban().id();
        CLOCK.at(NOW);

        Caller dee = director(tenant);
        assertThat(list(tenant, dee, new BanFilter(null, null, null, 100))).extracting(BanView::id)
                .containsExactly(upcoming, northLater, southDue, lifted, ended);
        assertThat(ids(tenant, dee, BanStatus.ACTIVE, null, null)).containsExactlyInAnyOrder(southDue, northLater);
        assertThat(ids(tenant, dee, BanStatus.UPCOMING, null, null)).containsExactly(upcoming);
        assertThat(ids(tenant, dee, BanStatus.ENDED, null, null)).containsExactly(ended);
        assertThat(ids(tenant, dee, BanStatus.LIFTED, null, null)).containsExactly(lifted);
        // What applies at a branch: its own bans and those of every branch.
        assertThat(ids(tenant, dee, null, "SOUTH", null)).containsExactlyInAnyOrder(southDue, lifted, upcoming);
        assertThat(ids(tenant, dee, null, null, true)).containsExactly(southDue);
        assertThat(ids(tenant, dee, null, null, false)).containsExactlyInAnyOrder(upcoming, northLater, lifted, ended);
        assertThat(list(tenant, dee, new BanFilter(BanStatus.ACTIVE, null, null, 100))).filteredOn(BanView::reviewDue)
                .extracting(BanView::id).containsExactly(southDue);

        // The manager at North sees North's bans and the system's, not South's.
        assertThat(ids(tenant, northManager(tenant), null, null, null)).containsExactlyInAnyOrder(upcoming, northLater, lifted, ended);
        assertThat(status(refusalOf(() -> BANS.inTenant(tenant, em -> store(tenant, em).read(em, northManager(tenant), southDue)))))
                .isEqualTo(404);
        assertThat(status(refusalOf(() -> list(tenant, dee, new BanFilter(null, "WEST", null, 100))))).isEqualTo(400);
        assertThat(list(tenant, dee, new BanFilter(null, null, null, 2))).hasSize(2);

        // A month on, the active ones have ended by themselves.
        CLOCK.at("2026-05-01T05:00:00Z");
        assertThat(ids(tenant, dee, BanStatus.ACTIVE, null, null)).isEmpty();
        assertThat(ids(tenant, dee, BanStatus.ENDED, null, null)).containsExactlyInAnyOrder(ended, southDue, northLater, upcoming);
    }

    @Test
    void a_ban_cannot_be_rewritten_even_by_the_owner_and_nothing_can_be_deleted_by_the_application() throws SQLException {
        UUID patron = reference(RIVER, card());
        UUID id = impose(RIVER, northManager(RIVER), Fixtures.systemBan(patron, "2026-06-01T00:00")).ban().id();
        assertThatThrownBy(() -> BANS.asOwnerSql("update computer_use_ban set ends_at = ends_at + interval '1 day' where id = '"
                + id + "'")).hasStackTraceContaining("cannot change");
        lift(RIVER, northManager(RIVER), id, "Lifted", null);
        assertThatThrownBy(() -> BANS.asOwnerSql("update computer_use_ban set lift_reason = 'rewritten' where id = '" + id + "'"))
                .hasStackTraceContaining("already lifted");
        try (Connection c = db.app().getConnection()) {
            c.setAutoCommit(false);
            WallChecks.bind(c, RIVER);
            try (PreparedStatement delete = c.prepareStatement("delete from computer_use_ban where id = ?")) {
                delete.setObject(1, id);
                assertThatThrownBy(delete::executeUpdate).hasMessageContaining("permission denied");
            }
            c.rollback();
        }
    }

    List<UUID> ids(String tenant, Caller caller, BanStatus status, String branch, Boolean reviewDue) {
        return list(tenant, caller, new BanFilter(status, branch, reviewDue, 100)).stream().map(BanView::id).toList();
    }

}
