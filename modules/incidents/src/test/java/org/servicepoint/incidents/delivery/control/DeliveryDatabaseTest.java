// Over 400 lines on purpose: the outbox and one worker pass against a real database and SMTP server; the failure
// cases (down, crash, fencing, TLS) share that fixture.
package org.servicepoint.incidents.delivery.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.servicepoint.incidents.IncidentsDatabase.inTenant;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.servicepoint.incidents.Fixtures;
import org.servicepoint.incidents.IncidentsDatabase;
import org.servicepoint.incidents.delivery.entity.DeliveryKind;
import org.servicepoint.incidents.delivery.entity.DeliveryStatus;
import org.servicepoint.incidents.delivery.entity.IncidentDelivery;
import org.servicepoint.incidents.forms.control.IncidentFormStore;
import org.servicepoint.incidents.reports.control.DeliveryTrail;
import org.servicepoint.incidents.reports.control.IncidentReportStore;
import org.servicepoint.incidents.reports.control.NewReport;
import org.servicepoint.incidents.reports.control.ReportCounts;
import org.servicepoint.incidents.reports.control.ReportFilter;
import org.servicepoint.incidents.reports.control.ReportSummary;
import org.servicepoint.incidents.reports.control.ReportView;
import org.servicepoint.incidents.reports.entity.IncidentReport;
import org.servicepoint.platform.control.Caller;
import org.servicepoint.platform.entity.TenantId;
import org.servicepoint.platform.testing.TestClock;

/**
 * The outbox and the delivery worker's pass on real PostgreSQL (as the application role, both walls) and a real
 * SMTP server (GreenMail): exactly the recipients, once; a server that is down, then up; the deadline; a send cut
 * off by a crash; a recipient without an address.
 */
class DeliveryDatabaseTest {

    static final String MAIL = "inc-mail";
    static final String OTHER = "inc-mail-other";
    static final String FORM = Fixtures.THEFT_FORM + "    recipients: [branch-manager, business-manager, director]\n";

    static final Recipient ROSA = new Recipient(UUID.randomUUID(), "Rosa", "branch-manager", "NORTH", "rosa@lib.example");
    static final Recipient LEE = new Recipient(UUID.randomUUID(), "Lee", "branch-manager", "SOUTH", "lee@lib.example");
    static final Recipient BO = new Recipient(UUID.randomUUID(), "Bo", "business-manager", "HQ", "bo@lib.example");
    static final Recipient DEE = new Recipient(UUID.randomUUID(), "Dee", "director", "HQ", "dee@lib.example");
    static final List<Recipient> ROSTER = List.of(ROSA, LEE, BO, DEE);

    /** The application's clock, moved by the tests (the database functions take their time from it). */
    TestClock clock;
    GreenMail smtp;
    int port;
    MailSettings settings;

    @BeforeAll
    static void libraryWithAForm() {
        IncidentsDatabase.tenantWithForm(MAIL, FORM);
        IncidentsDatabase.tenantWithForm(OTHER, FORM);
    }

    @BeforeEach
    void mailServer() throws IOException {
        clock = new TestClock("2026-03-10T20:00:00Z");
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        settings = new MailSettings("127.0.0.1", port, null, null, false, "servicepoint@lib.example", Duration.ofSeconds(5),
                "lib.example", "http://servicepoint.test");
        // Earlier tests' deliveries must not wait in this test's queue, and their undelivered reports must neither fall
        // due nor head this test's lists (bound to each tenant, so this holds whoever row-level security binds).
        for (String tenant : List.of(MAIL, OTHER)) {
            sql(tenant, "update incident_delivery set status = 'FAILED' where status in ('PENDING', 'SENDING')");
            sql(tenant, "update incident_report set overdue_at = null, deadline_at = null where distributed_at is null");
        }
    }

    @AfterEach
    void stop() {
        smtp.stop();
    }

    DeliveryStore store() {
        return new DeliveryStore(clock, Duration.ofSeconds(15), Duration.ofMinutes(10));
    }

    /** One statement as the application role, bound to the tenant. */
    static int sql(String tenant, String statement) {
        return inTenant(tenant, em -> em.createNativeQuery(statement).executeUpdate());
    }

    /** The outbox's pauses and claims are timed by the database: rather than wait, move this tenant's due times back. */
    static void dueNow(String tenant) {
        sql(tenant, "update incident_delivery set next_attempt_at = next_attempt_at - interval '1 day' where status in ('PENDING', 'SENDING')");
    }

    /** Whether, seen from another transaction, each composed message's claim had been committed first. */
    final List<Boolean> composedAfterClaimCommitted = new ArrayList<>();

    /** The worker's steps as the container runs them, each in its own transaction bound to the row's tenant. */
    final class Steps implements DeliveryRun.Steps {
        @Override
        public List<DeliveryStore.Work> due(int max) {
            return IncidentsDatabase.unbound(em -> store().due(em, max));
        }

        @Override
        public Optional<DeliveryStore.Claim> claim(DeliveryStore.Work work) {
            return inTenant(work.tenant().value(), em -> store().claim(em, work).map(d -> new DeliveryStore.Claim(d.id(), d.attempts())));
        }

        @Override
        public OutgoingMail compose(DeliveryStore.Work work, DeliveryStore.Claim claim) {
            String t = work.tenant().value();
            IncidentDelivery seen = inTenant(t, em -> em.find(IncidentDelivery.class, claim.id()));
            composedAfterClaimCommitted.add(seen.status() == DeliveryStatus.SENDING && seen.attempts() == claim.attempt());
            return inTenant(t, em -> DeliveryMessages.compose(em, work.tenant(), Fixtures.library(t), clock,
                    em.find(IncidentDelivery.class, claim.id()), settings.publicUrl(), Fixtures.seal(t)));
        }

        @Override
        public void sent(DeliveryStore.Work work, DeliveryStore.Claim claim) {
            inTenant(work.tenant().value(), em -> store().sent(em, work.id(), claim.attempt()));
        }

        @Override
        public void failed(DeliveryStore.Work work, DeliveryStore.Claim claim, String error, boolean permanent) {
            inTenant(work.tenant().value(), em -> store().failed(em, work.id(), claim.attempt(), error, permanent));
        }

        @Override
        public List<DeliveryStore.Work> newlyOverdue(int max) {
            return IncidentsDatabase.unbound(em -> store().newlyOverdue(em, max));
        }

        @Override
        public void overdue(DeliveryStore.Work report) {
            inTenant(report.tenant().value(), em -> store().overdue(em, em.find(IncidentReport.class, report.id()),
                    OffsetDateTime.now(clock), HEADQUARTERS, "lib.example"));
        }
    }

    static final List<Recipient> HEADQUARTERS = DeliveryRecipients.headquarters(List.of("business-manager", "director"), "HQ", ROSTER);

    DeliveryRun.Outcome pass() {
        return new DeliveryRun(new Steps(), new Mailer(settings), 100).once();
    }

    /** A theft at North, signed by the reporter, with its deliveries planned in the signing transaction. */
    UUID signedTheft(String tenant, List<Recipient> roster) {
        IncidentReportStore reports = new IncidentReportStore(TenantId.of(tenant), Fixtures.library(tenant), clock, Fixtures.seal(tenant),
                store());
        Caller sam = Fixtures.assistant(tenant);
        ReportView draft = inTenant(tenant, em -> reports.create(em, sam, new IncidentFormStore(clock).current(em).orElseThrow(),
                new NewReport("theft", null, OffsetDateTime.parse("2026-03-10T13:30:00-05:00"), Map.of("location", "Lobby"), List.of()),
                Fixtures.roster()));
        inTenant(tenant, em -> {
            ReportView signed = reports.submit(em, sam, draft.id(), draft.version()).report();
            IncidentReport report = em.find(IncidentReport.class, signed.id());
            return store().plan(em, report, reports.formOf(em, report), reports.library(), roster, HEADQUARTERS, "lib.example");
        });
        return draft.id();
    }

    List<IncidentDelivery> deliveries(String tenant, UUID report) {
        return inTenant(tenant, em -> store().of(em, report));
    }

    /** Received messages for one report, by recipient address. */
    Map<String, List<MimeMessage>> received(UUID report) throws Exception {
        Map<String, List<MimeMessage>> byRecipient = new HashMap<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            if (m.getHeader("Message-ID")[0].contains(report.toString())) {
                byRecipient.computeIfAbsent(m.getRecipients(Message.RecipientType.TO)[0].toString(), k -> new ArrayList<>()).add(m);
            }
        }
        return byRecipient;
    }

    @Test
    void a_signed_report_reaches_exactly_its_recipients_once_with_the_signed_pdf() throws Exception {
        UUID report = signedTheft(MAIL, ROSTER);
        assertThat(deliveries(MAIL, report)).extracting(IncidentDelivery::status).containsOnly(DeliveryStatus.PENDING).hasSize(3);

        assertThat(pass().sent()).isEqualTo(3);
        assertThat(pass().sent()).isZero();

        Map<String, List<MimeMessage>> got = received(report);
        // Rosa manages the report's branch; Lee (the other branch manager) gets nothing.
        assertThat(got.keySet()).containsExactlyInAnyOrder("rosa@lib.example", "bo@lib.example", "dee@lib.example");
        assertThat(got.values()).allSatisfy(list -> assertThat(list).hasSize(1));
        MimeMessage toRosa = got.get("rosa@lib.example").get(0);
        assertThat(toRosa.getSubject()).startsWith("Incident report: Theft, North Branch");
        MimeMultipart parts = (MimeMultipart) toRosa.getContent();
        assertThat(parts.getBodyPart(1).getContentType()).startsWith("application/pdf");
        assertThat(parts.getBodyPart(1).getInputStream().readAllBytes()).startsWith("%PDF".getBytes());
        assertThat(deliveries(MAIL, report)).allSatisfy(d -> {
            assertThat(d.status()).isEqualTo(DeliveryStatus.SENT);
            assertThat(d.attempts()).isEqualTo(1);
        });
        IncidentReport stored = inTenant(MAIL, em -> em.find(IncidentReport.class, report));
        assertThat(stored.distributedAt()).isNotNull();
        assertThat(stored.deadlineAt()).isEqualTo(OffsetDateTime.parse("2026-03-11T05:00:00Z"));

        // Another library system sees neither the deliveries nor the report.
        assertThat(deliveries(OTHER, report)).isEmpty();
        UUID someDelivery = deliveries(MAIL, report).get(0).id();
        Optional<IncidentDelivery> foreign = inTenant(OTHER, em -> Optional.ofNullable(em.find(IncidentDelivery.class, someDelivery)));
        assertThat(foreign).isEmpty();
    }

    @Test
    void while_the_server_is_down_reports_wait_become_overdue_at_the_deadline_and_then_all_arrive_once() throws Exception {
        smtp.stop();
        UUID report = signedTheft(MAIL, ROSTER);

        DeliveryRun.Outcome down = pass();
        assertThat(down.sent()).isZero();
        assertThat(down.failed()).isEqualTo(3);
        assertThat(deliveries(MAIL, report)).allSatisfy(d -> {
            assertThat(d.status()).isEqualTo(DeliveryStatus.PENDING);
            assertThat(d.lastError()).contains("unavailable");
        });
        IncidentReportStore reports = new IncidentReportStore(TenantId.of(MAIL), Fixtures.library(MAIL), clock, Fixtures.seal(MAIL),
                store());
        Caller dee = Fixtures.headquarters(MAIL);
        ReportFilter pending = new ReportFilter(null, null, null, null, null, 100, null, ReportFilter.Delivery.PENDING);
        List<ReportSummary> waiting = inTenant(MAIL, em -> reports.list(em, dee, pending));
        assertThat(waiting).extracting(ReportSummary::id).contains(report);

        // Past midnight in Chicago: the deadline has passed; still down.
        clock.advance(Duration.ofHours(10));
        DeliveryRun.Outcome late = pass();
        assertThat(late.overdue()).isEqualTo(1);
        assertThat(late.sent()).isZero();
        List<ReportSummary> list = inTenant(MAIL, em -> reports.list(em, dee, ReportFilter.everything()));
        assertThat(list.get(0).id()).isEqualTo(report);
        assertThat(list.get(0).overdue()).isTrue();
        assertThat(list.get(0).delivery().pending()).isEqualTo(3);
        ReportCounts counts = inTenant(MAIL, em -> reports.counts(em, dee, ReportFilter.everything()));
        assertThat(counts.overdue()).isGreaterThanOrEqualTo(1);
        assertThat(deliveries(MAIL, report)).filteredOn(d -> d.kind() == DeliveryKind.OVERDUE_NOTICE)
                .extracting(IncidentDelivery::recipientName).containsExactlyInAnyOrder("Bo", "Dee");
        assertThat(pass().overdue()).isZero();

        // The server is back; the next tries are due after the back-off.
        smtp.start();
        dueNow(MAIL);
        assertThat(pass().sent()).isEqualTo(5);
        assertThat(pass().sent()).isZero();
        Map<String, List<MimeMessage>> got = received(report);
        assertThat(got.get("rosa@lib.example")).hasSize(1);
        // Bo and Dee: the report once, and the overdue notice once.
        assertThat(got.get("bo@lib.example")).extracting(MimeMessage::getSubject)
                .satisfiesExactlyInAnyOrder(s -> assertThat(s).startsWith("Incident report:"), s -> assertThat(s).startsWith("Overdue"));
        assertThat(got.get("dee@lib.example")).hasSize(2);
        assertThat(inTenant(MAIL, em -> reports.list(em, dee, ReportFilter.everything())).stream()
                .filter(r -> r.id().equals(report)).findFirst().orElseThrow().overdue()).isFalse();
    }

    @Test
    void a_send_cut_off_by_a_crash_is_sent_again_when_its_claim_runs_out_and_is_marked_as_interrupted() throws Exception {
        UUID report = signedTheft(MAIL, ROSTER);
        UUID first = deliveries(MAIL, report).get(0).id();
        // A worker claimed it and died before sending (or before recording the send).
        Optional<IncidentDelivery> claimed = inTenant(MAIL, em -> store().claim(em, new DeliveryStore.Work(TenantId.of(MAIL), first)));
        assertThat(claimed).isPresent();

        assertThat(pass().sent()).isEqualTo(2);
        assertThat(deliveries(MAIL, report)).filteredOn(d -> d.id().equals(first)).singleElement()
                .satisfies(d -> assertThat(d.status()).isEqualTo(DeliveryStatus.SENDING));

        dueNow(MAIL);
        assertThat(pass().sent()).isEqualTo(1);
        IncidentDelivery retried = deliveries(MAIL, report).stream().filter(d -> d.id().equals(first)).findFirst().orElseThrow();
        assertThat(retried.status()).isEqualTo(DeliveryStatus.SENT);
        assertThat(retried.interrupted()).isEqualTo(1);
        assertThat(retried.attempts()).isEqualTo(2);
        assertThat(received(report).values()).allSatisfy(list -> assertThat(list).hasSize(1));
        assertThat(received(report)).hasSize(3);
    }

    @Test
    void a_recipient_without_an_address_fails_at_once_and_is_sent_once_the_roster_has_one() throws Exception {
        Recipient boWithout = new Recipient(BO.staffMemberId(), "Bo", "business-manager", "HQ", null);
        UUID report = signedTheft(MAIL, List.of(ROSA, boWithout, DEE));
        assertThat(deliveries(MAIL, report)).filteredOn(d -> d.recipientName().equals("Bo")).singleElement()
                .satisfies(d -> {
                    assertThat(d.status()).isEqualTo(DeliveryStatus.FAILED);
                    assertThat(d.lastError()).contains("no email address");
                });
        assertThat(pass().sent()).isEqualTo(2);
        assertThat(inTenant(MAIL, em -> em.find(IncidentReport.class, report)).distributedAt()).isNull();

        int queuedAgain = inTenant(MAIL, em -> store().retryFailed(em, em.find(IncidentReport.class, report), List.of(ROSA, BO, DEE),
                "lib.example"));
        assertThat(queuedAgain).isEqualTo(1);
        assertThat(pass().sent()).isEqualTo(1);
        assertThat(received(report)).containsOnlyKeys("rosa@lib.example", "bo@lib.example", "dee@lib.example");
        assertThat(inTenant(MAIL, em -> em.find(IncidentReport.class, report)).distributedAt()).isNotNull();
    }

    @Test
    void a_position_nobody_holds_is_a_delivery_that_fails_at_once_for_all_to_see() {
        UUID report = signedTheft(MAIL, List.of(ROSA, BO));
        assertThat(deliveries(MAIL, report)).filteredOn(d -> d.staffMemberId() == null).singleElement().satisfies(d -> {
            assertThat(d.status()).isEqualTo(DeliveryStatus.FAILED);
            assertThat(d.recipientPosition()).isEqualTo("director");
            assertThat(d.email()).isNull();
        });
    }

    @Test
    void once_someone_holds_the_position_a_retry_sends_it_to_each_holder_once_and_the_report_is_distributed() throws Exception {
        UUID report = signedTheft(MAIL, List.of(ROSA, BO));
        assertThat(pass().sent()).isEqualTo(2);
        int none = inTenant(MAIL, em -> store().retryFailed(em, em.find(IncidentReport.class, report), List.of(ROSA, BO), "lib.example"));
        assertThat(none).as("still nobody holds it").isZero();

        // Two directors now; Bo also acts as director and has the report already, so gets no second copy.
        Recipient dan = new Recipient(UUID.randomUUID(), "Dan", "director", "HQ", "dan@lib.example");
        Recipient boActing = new Recipient(BO.staffMemberId(), "Bo", "director", "HQ", "bo@lib.example");
        List<Recipient> now = List.of(ROSA, BO, boActing, DEE, dan);
        int queued = inTenant(MAIL, em -> store().retryFailed(em, em.find(IncidentReport.class, report), now, "lib.example"));
        assertThat(queued).isEqualTo(2);
        assertThat(deliveries(MAIL, report)).filteredOn(d -> d.recipientPosition().equals("director"))
                .extracting(IncidentDelivery::recipientName).containsExactlyInAnyOrder("Dee", "Dan");
        int again = inTenant(MAIL, em -> store().retryFailed(em, em.find(IncidentReport.class, report), now, "lib.example"));
        assertThat(again).as("nothing failed any more").isZero();
        assertThat(pass().sent()).isEqualTo(2);
        assertThat(received(report)).containsOnlyKeys("rosa@lib.example", "bo@lib.example", "dee@lib.example", "dan@lib.example");
        assertThat(received(report).values()).allSatisfy(list -> assertThat(list).hasSize(1));
        assertThat(inTenant(MAIL, em -> em.find(IncidentReport.class, report)).distributedAt()).isNotNull();
    }

    @Test
    void planning_twice_writes_nothing_twice() {
        UUID report = signedTheft(MAIL, ROSTER);
        List<IncidentDelivery> again = inTenant(MAIL, em -> store().enqueue(em, report, DeliveryKind.REPORT, ROSTER, "lib.example"));
        // Lee was not a recipient, so only Lee is new; the three planned ones are not repeated.
        assertThat(again).extracting(IncidentDelivery::recipientName).containsExactly("Lee");
    }

    Optional<IncidentDelivery> claimAs(DeliveryStore store, UUID id) {
        return inTenant(MAIL, em -> store.claim(em, work(id)));
    }

    Optional<IncidentDelivery> failedAs(UUID id, int attempt, String error, boolean permanent) {
        return inTenant(MAIL, em -> store().failed(em, id, attempt, error, permanent));
    }

    Optional<DeliveryStore.Sent> sentAs(UUID id, int attempt) {
        return inTenant(MAIL, em -> store().sent(em, id, attempt));
    }

    OffsetDateTime overdueAtOf(UUID report) {
        return inTenant(MAIL, em -> em.find(IncidentReport.class, report)).overdueAt();
    }

    DeliveryStore.Work work(UUID delivery) {
        return new DeliveryStore.Work(TenantId.of(MAIL), delivery);
    }

    IncidentDelivery delivery(UUID report, UUID id) {
        return deliveries(MAIL, report).stream().filter(d -> d.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void a_try_whose_claim_ran_out_cannot_record_its_outcome_over_the_newer_try() {
        UUID report = signedTheft(MAIL, ROSTER);
        UUID id = deliveries(MAIL, report).get(0).id();
        IncidentDelivery stale = inTenant(MAIL, em -> store().claim(em, work(id))).orElseThrow();
        dueNow(MAIL);
        IncidentDelivery newer = inTenant(MAIL, em -> store().claim(em, work(id))).orElseThrow();
        assertThat(newer.attempts()).isEqualTo(stale.attempts() + 1);

        // The slow first worker comes back: neither its failure nor its success is recorded.
        assertThat(failedAs(id, stale.attempts(), "timed out", true)).isEmpty();
        assertThat(sentAs(id, stale.attempts())).isEmpty();
        assertThat(delivery(report, id)).satisfies(d -> {
            assertThat(d.status()).isEqualTo(DeliveryStatus.SENDING);
            assertThat(d.attempts()).isEqualTo(newer.attempts());
            assertThat(d.lastError()).isNull();
        });

        assertThat(sentAs(id, newer.attempts())).isPresent();
        assertThat(delivery(report, id).status()).isEqualTo(DeliveryStatus.SENT);
        assertThat(failedAs(id, newer.attempts(), "late news", false)).as("already recorded").isEmpty();
        assertThat(delivery(report, id).status()).isEqualTo(DeliveryStatus.SENT);
    }

    @Test
    void a_delivery_another_worker_is_claiming_is_skipped_at_once_not_waited_for() throws Exception {
        UUID report = signedTheft(MAIL, ROSTER);
        UUID id = deliveries(MAIL, report).get(0).id();
        // Another worker's transaction holds the row lock and has not committed yet.
        try (java.sql.Connection other = IncidentsDatabase.db().app().getConnection()) {
            other.setAutoCommit(false);
            try (var s = other.createStatement()) {
                s.execute("select set_config('app.tenant_id', '" + MAIL + "', true)");
                s.execute("select id from incident_delivery where id = '" + id + "' for update");
            }
            java.util.concurrent.CompletableFuture<Optional<IncidentDelivery>> claim =
                    java.util.concurrent.CompletableFuture.supplyAsync(() -> inTenant(MAIL, em -> store().claim(em, work(id))));
            assertThat(claim.get(10, java.util.concurrent.TimeUnit.SECONDS)).as("skipped while locked").isEmpty();
            other.rollback();
        }
        assertThat(claimAs(store(), id)).as("taken once the lock is gone").isPresent();
    }

    @Test
    void a_claim_runs_out_by_the_database_clock_whatever_the_application_clock_says() throws Exception {
        DeliveryStore shortClaims = new DeliveryStore(clock, Duration.ofSeconds(15), Duration.ofMinutes(10), Duration.ofSeconds(1));
        UUID report = signedTheft(MAIL, ROSTER);
        UUID id = deliveries(MAIL, report).get(0).id();
        assertThat(claimAs(shortClaims, id)).isPresent();

        // An application instance whose clock runs a day ahead cannot take the claim away.
        clock.advance(Duration.ofDays(1));
        assertThat(claimAs(shortClaims, id)).isEmpty();
        List<DeliveryStore.Work> due = IncidentsDatabase.unbound(em -> shortClaims.due(em, 1000));
        assertThat(due).extracting(DeliveryStore.Work::id).doesNotContain(id);

        Thread.sleep(1500);
        IncidentDelivery again = inTenant(MAIL, em -> shortClaims.claim(em, work(id))).orElseThrow();
        assertThat(again.attempts()).isEqualTo(2);
        assertThat(again.interrupted()).isEqualTo(1);
    }

    @Test
    void the_message_and_its_pdf_are_composed_only_after_the_claim_is_committed() throws Exception {
        UUID report = signedTheft(MAIL, ROSTER);
        assertThat(pass().sent()).isEqualTo(3);
        assertThat(composedAfterClaimCommitted).hasSize(3).containsOnly(true);
        assertThat(received(report)).hasSize(3);
    }

    @Test
    void a_report_signed_after_its_deadline_is_overdue_at_once_and_headquarters_are_told_by_mail() throws Exception {
        // Incident at 13:30 in Chicago on 10 March; the deadline is the end of that day. Signed at 00:30 the next day.
        clock.advance(Duration.ofHours(10));
        UUID report = signedTheft(MAIL, ROSTER);
        IncidentReport late = inTenant(MAIL, em -> em.find(IncidentReport.class, report));
        assertThat(late.deadlineAt()).isEqualTo(OffsetDateTime.parse("2026-03-11T05:00:00Z"));
        assertThat(late.overdueAt()).isEqualTo(OffsetDateTime.parse("2026-03-11T06:00:00Z"));
        assertThat(deliveries(MAIL, report)).filteredOn(d -> d.kind() == DeliveryKind.OVERDUE_NOTICE)
                .extracting(IncidentDelivery::recipientName).containsExactlyInAnyOrder("Bo", "Dee");

        assertThat(pass().sent()).isEqualTo(5);
        assertThat(received(report).get("bo@lib.example")).extracting(MimeMessage::getSubject)
                .satisfiesExactlyInAnyOrder(s -> assertThat(s).startsWith("Incident report:"), s -> assertThat(s).startsWith("Overdue"));
        // Marked once: the worker's deadline check does not tell headquarters a second time.
        assertThat(pass().overdue()).isZero();
        assertThat(overdueAtOf(report)).isEqualTo(late.overdueAt());
    }

    @Test
    void a_report_signed_before_its_deadline_is_not_overdue() {
        UUID report = signedTheft(MAIL, ROSTER);
        assertThat(overdueAtOf(report)).isNull();
        assertThat(deliveries(MAIL, report)).noneMatch(d -> d.kind() == DeliveryKind.OVERDUE_NOTICE);
    }

    /** The default of {@code servicepoint.mail.starttls}, as MailConfig declares it. */
    static boolean defaultStartTls() {
        return MailConfig.STARTTLS_BY_DEFAULT;
    }

    @Test
    void mail_requires_starttls_by_default_so_a_server_without_it_gets_nothing() throws Exception {
        MailSettings byDefault = new MailSettings("127.0.0.1", port, null, null, defaultStartTls(), "servicepoint@lib.example",
                Duration.ofSeconds(5), "lib.example", "http://servicepoint.test");
        assertThat(byDefault.startTls()).isTrue();
        assertThat(byDefault.properties()).containsEntry("mail.smtp.starttls.required", "true")
                .containsEntry("mail.smtp.ssl.checkserveridentity", "true");
        OutgoingMail mail = new OutgoingMail("rosa@lib.example", "Test", "text", null, null, "<t." + UUID.randomUUID() + "@lib.example>", "d");
        assertThatThrownBy(() -> new Mailer(byDefault).send(mail)).isInstanceOf(Mailer.Failure.class)
                .hasMessageContaining("STARTTLS").satisfies(e -> assertThat(((Mailer.Failure) e).permanent()).isFalse());
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }

    @Test
    void smtp_authentication_without_tls_is_refused_before_anything_is_sent() {
        MailSettings passwordInTheClear = new MailSettings("127.0.0.1", port, "servicepoint", "secret", false, "servicepoint@lib.example",
                Duration.ofSeconds(5), "lib.example", "http://servicepoint.test");
        assertThatThrownBy(passwordInTheClear::check).isInstanceOf(IllegalStateException.class).hasMessageContaining("starttls");
        assertThatThrownBy(() -> new Mailer(passwordInTheClear)).isInstanceOf(IllegalStateException.class);
        // Without a password, plain SMTP stays possible when asked for explicitly (the local run's catcher).
        assertThat(settings.check()).isSameAs(settings);
    }

    @Test
    void a_refused_address_fails_for_good_and_the_trail_shows_the_error_without_any_address() throws Exception {
        UUID report;
        try (RefusingSmtpServer refusing = new RefusingSmtpServer()) {
            settings = new MailSettings("127.0.0.1", refusing.port(), null, null, false, "servicepoint@lib.example", Duration.ofSeconds(5),
                    "lib.example", "http://servicepoint.test");
            report = signedTheft(MAIL, ROSTER);
            DeliveryRun.Outcome outcome = pass();
            assertThat(outcome.failed()).isEqualTo(3);
            assertThat(refusing.replies()).as("the server quoted the addresses it refused").anyMatch(line -> line.contains("@lib.example"));
        }
        List<IncidentDelivery> trail = deliveries(MAIL, report);
        assertThat(trail).allSatisfy(d -> {
            assertThat(d.status()).isEqualTo(DeliveryStatus.FAILED);
            assertThat(d.lastError()).contains("refused").contains("550").doesNotContain("@");
        });
    }

    // Notices about no report (issue 10): queued in the change's transaction, sent by the same pass.

    List<MimeMessage> to(String address) throws Exception {
        List<MimeMessage> messages = new ArrayList<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            if (m.getRecipients(Message.RecipientType.TO)[0].toString().equals(address)) {
                messages.add(m);
            }
        }
        return messages;
    }

    /** The text part (the worker sends every message as multipart, a PDF or not). */
    static String text(MimeMessage message) throws Exception {
        Object content = message.getContent();
        return content instanceof MimeMultipart parts ? String.valueOf(parts.getBodyPart(0).getContent()) : String.valueOf(content);
    }

    @Test
    void the_previous_address_of_someone_who_received_reports_is_told_once_by_mail() throws Exception {
        UUID rosa = UUID.randomUUID();
        org.servicepoint.staffing.control.ReportRecipientChanged changed = new org.servicepoint.staffing.control.ReportRecipientChanged(
                TenantId.of(MAIL), rosa, "Rosa", "rosa.old@lib.example", "Mara Quint");
        IncidentDelivery queued = inTenant(MAIL, em -> {
            NoticeMail.recipientChanged(em, store(), new NoticeMail.Named("Riverbend Library", java.util.Locale.US), changed, "lib.example");
            return em.createQuery("select d from IncidentDelivery d where d.staffMemberId = :id", IncidentDelivery.class)
                    .setParameter("id", rosa).getSingleResult();
        });
        assertThat(queued.kind()).isEqualTo(DeliveryKind.RECIPIENT_CHANGED);
        assertThat(queued.reportId()).isNull();
        assertThat(queued.status()).isEqualTo(DeliveryStatus.PENDING);

        assertThat(pass().sent()).isEqualTo(1);
        assertThat(pass().sent()).isZero();

        List<MimeMessage> got = to("rosa.old@lib.example");
        assertThat(got).hasSize(1);
        assertThat(got.get(0).getSubject()).isEqualTo("ServicePoint: incident reports are no longer sent to this address");
        assertThat(text(got.get(0))).contains("Hello Rosa", "Riverbend Library", "changed by Mara Quint", "tell headquarters");
        assertThat(smtp.getReceivedMessages()).hasSize(1);
        assertThat(inTenant(MAIL, em -> em.find(IncidentDelivery.class, queued.id())).status()).isEqualTo(DeliveryStatus.SENT);
        Optional<IncidentDelivery> seenByOther = inTenant(OTHER, em -> Optional.ofNullable(em.find(IncidentDelivery.class, queued.id())));
        assertThat(seenByOther).isEmpty();
    }

    @Test
    void each_decider_of_a_disclosure_request_with_an_address_gets_one_mail_that_says_neither_who_asked_nor_what_for()
            throws Exception {
        org.servicepoint.staffing.control.DisclosureDecidersTold told = new org.servicepoint.staffing.control.DisclosureDecidersTold(
                TenantId.of(MAIL), List.of(
                new org.servicepoint.staffing.control.DisclosureDecidersTold.Addressee(UUID.randomUUID(), "Dee", "dee@lib.example"),
                new org.servicepoint.staffing.control.DisclosureDecidersTold.Addressee(UUID.randomUUID(), "Sol", "sol@lib.example"),
                new org.servicepoint.staffing.control.DisclosureDecidersTold.Addressee(UUID.randomUUID(), "Noa", null)),
                "A request for patron information was logged at NORTH and comes to you to decide (disclosure request 42).");
        int queued = inTenant(MAIL, em -> NoticeMail.disclosureRequest(em, store(), new NoticeMail.Named("Riverbend Library", java.util.Locale.US), told,
                "http://servicepoint.test/", "lib.example"));
        assertThat(queued).isEqualTo(2);

        assertThat(pass().sent()).isEqualTo(2);
        assertThat(pass().sent()).isZero();

        for (String address : List.of("dee@lib.example", "sol@lib.example")) {
            List<MimeMessage> got = to(address);
            assertThat(got).hasSize(1);
            assertThat(got.get(0).getSubject()).isEqualTo("ServicePoint: a request for patron information waits for your decision");
            assertThat(text(got.get(0))).contains("logged at NORTH", "disclosure request 42", "http://servicepoint.test/t/" + MAIL + "/",
                    "neither who asked nor what for");
        }
        assertThat(smtp.getReceivedMessages()).hasSize(2);
    }
    @Test
    void a_patron_mail_queued_twice_under_one_key_is_sealed_at_rest_sent_once_and_keeps_no_readable_address_after()
            throws Exception {
        DeliveryMessages.Notice text = new DeliveryMessages.Notice("Your complaint C-2026-0042", "Dear patron, we looked into it.");
        DeliveryStore.Keyed first = inTenant(MAIL, em -> store().enqueuePatronMail(em, "update:42", "pat.lee@patrons.example", text,
                Fixtures.seal(MAIL), "lib.example"));
        DeliveryStore.Keyed again = inTenant(MAIL, em -> store().enqueuePatronMail(em, "update:42", "pat.lee@patrons.example", text,
                Fixtures.seal(MAIL), "lib.example"));
        assertThat(first.added()).isTrue();
        assertThat(again).isEqualTo(new DeliveryStore.Keyed(first.id(), false));
        Object rows = inTenant(MAIL, em -> em.createNativeQuery("select count(*) from incident_delivery where mail_key = 'update:42'")
                .getSingleResult());
        assertThat(rows).hasToString("1");

        // At rest: no column of the row holds the address, the subject or the text in the clear.
        String atRest = inTenant(MAIL, em -> String.valueOf(em.createNativeQuery("select concat_ws('|', email, subject, body, "
                + "encode(sealed_email, 'escape'), encode(sealed_subject, 'escape'), encode(sealed_body, 'escape')) "
                + "from incident_delivery where id = ?1").setParameter(1, first.id()).getSingleResult()));
        assertThat(atRest).isNotBlank().doesNotContain("pat.lee", "patrons.example", "C-2026-0042", "looked into it");

        assertThat(pass().sent()).isEqualTo(1);
        assertThat(pass().sent()).isZero();
        List<MimeMessage> got = to("pat.lee@patrons.example");
        assertThat(got).hasSize(1);
        assertThat(got.get(0).getSubject()).isEqualTo("Your complaint C-2026-0042");
        assertThat(text(got.get(0))).contains("we looked into it");
        assertThat(smtp.getReceivedMessages()).hasSize(1);

        IncidentDelivery sent = inTenant(MAIL, em -> em.find(IncidentDelivery.class, first.id()));
        assertThat(sent.status()).isEqualTo(DeliveryStatus.SENT);
        assertThat(sent.email()).isNull();
        assertThat(sent.sealedEmail()).isNull();
        assertThat(sent.sealedBody()).isNull();
        Optional<IncidentDelivery> seenByOther = inTenant(OTHER, em -> Optional.ofNullable(em.find(IncidentDelivery.class, first.id())));
        assertThat(seenByOther).isEmpty();
    }

    @Test
    void a_staff_mail_key_is_unique_per_library_system_and_the_report_views_never_show_queued_mail() throws Exception {
        UUID report = signedTheft(MAIL, ROSTER);
        DeliveryMessages.Notice text = new DeliveryMessages.Notice("A complaint at North\nwaits for you", "Please open it.");
        Recipient dee = new Recipient(DEE.staffMemberId(), "Dee", null, null, "dee@lib.example");
        DeliveryStore.Keyed mine = inTenant(MAIL, em -> store().enqueueStaffMail(em, "complaint:7:told", dee, text, "lib.example"));
        DeliveryStore.Keyed twice = inTenant(MAIL, em -> store().enqueueStaffMail(em, "complaint:7:told", dee, text, "lib.example"));
        DeliveryStore.Keyed theirs = inTenant(OTHER, em -> store().enqueueStaffMail(em, "complaint:7:told", dee, text, "lib.example"));
        assertThat(twice.added()).isFalse();
        assertThat(twice.id()).isEqualTo(mine.id());
        assertThat(theirs.added()).isTrue();
        assertThat(theirs.id()).isNotEqualTo(mine.id());

        List<DeliveryTrail.Mail> trail = inTenant(MAIL, em -> store().trail(em, report));
        assertThat(trail).extracting(DeliveryTrail.Mail::kind).containsOnly("report").hasSize(3);
        int pending = inTenant(MAIL, em -> store().counts(em, List.of(report))).get(report).pending();
        assertThat(pending).isEqualTo(3);
        List<IncidentDelivery> queued = inTenant(MAIL, em -> store().mails(em, List.of(mine.id(), theirs.id())));
        assertThat(queued).extracting(IncidentDelivery::id).containsExactly(mine.id());

        assertThat(pass().sent()).isEqualTo(5);
        List<MimeMessage> toDee = to("dee@lib.example");
        assertThat(toDee).extracting(MimeMessage::getSubject).contains("A complaint at North waits for you");
        assertThat(toDee.stream().filter(m -> {
            try {
                return m.getSubject().startsWith("A complaint");
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        })).hasSize(2);
    }
}
