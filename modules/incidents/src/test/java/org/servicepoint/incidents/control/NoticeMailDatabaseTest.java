package org.servicepoint.incidents.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.servicepoint.incidents.control.IncidentsDatabase.inTenant;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.servicepoint.incidents.entity.DeliveryKind;
import org.servicepoint.incidents.entity.DeliveryStatus;
import org.servicepoint.incidents.entity.IncidentDelivery;
import org.servicepoint.platform.entity.TenantId;
import org.servicepoint.staffing.control.DisclosureDecidersTold;
import org.servicepoint.staffing.control.ReportRecipientChanged;

/**
 * Notices about no report go through the incidents outbox on real PostgreSQL (as the application role) to a real SMTP
 * server (GreenMail): queued in the change's transaction, sent once by the worker's pass, to exactly the addresses
 * told, with a text that says who and where but not what was asked; another library system sees none of them.
 */
class NoticeMailDatabaseTest {

    static final String TENANT = "inc-notice";
    static final String OTHER = "inc-notice-other";

    GreenMail smtp;
    MailSettings settings;
    final Clock clock = Clock.systemUTC();

    @BeforeEach
    void mailServer() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        settings = new MailSettings("127.0.0.1", port, null, null, false, "servicepoint@lib.example", Duration.ofSeconds(5),
                "lib.example", "http://servicepoint.test");
        for (String tenant : List.of(TENANT, OTHER)) {
            IncidentsDatabase.tenant(tenant);
            // Other tests' deliveries must not wait in this test's queue.
            inTenant(tenant, em -> em.createNativeQuery("update incident_delivery set status = 'FAILED' "
                    + "where status in ('PENDING', 'SENDING')").executeUpdate());
        }
    }

    @AfterEach
    void stop() {
        smtp.stop();
    }

    DeliveryStore store() {
        return new DeliveryStore(clock, Duration.ofSeconds(15), Duration.ofMinutes(10));
    }

    /** The worker's steps, each in a transaction of its own bound to the row's library system. */
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
            return List.of();
        }

        @Override
        public void overdue(DeliveryStore.Work report) {
        }
    }

    DeliveryRun.Outcome pass() {
        return new DeliveryRun(new Steps(), new Mailer(settings), 100).once();
    }

    List<MimeMessage> to(String address) throws Exception {
        List<MimeMessage> messages = new java.util.ArrayList<>();
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
        return content instanceof jakarta.mail.internet.MimeMultipart parts ? String.valueOf(parts.getBodyPart(0).getContent())
                : String.valueOf(content);
    }

    @Test
    void the_previous_address_of_someone_who_received_reports_is_told_once_by_mail() throws Exception {
        UUID rosa = UUID.randomUUID();
        ReportRecipientChanged changed = new ReportRecipientChanged(TenantId.of(TENANT), rosa, "Rosa", "rosa.old@lib.example",
                "Mara Quint");
        IncidentDelivery queued = inTenant(TENANT, em -> {
            NoticeMail.recipientChanged(em, store(), "Riverbend Library", changed, "lib.example");
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
        String text = text(got.get(0));
        assertThat(text).contains("Hello Rosa", "Riverbend Library", "changed by Mara Quint", "tell headquarters");
        assertThat(smtp.getReceivedMessages()).hasSize(1);
        assertThat(inTenant(TENANT, em -> em.find(IncidentDelivery.class, queued.id())).status()).isEqualTo(DeliveryStatus.SENT);
        Optional<IncidentDelivery> seenByOther = inTenant(OTHER, em -> Optional.ofNullable(em.find(IncidentDelivery.class, queued.id())));
        assertThat(seenByOther).isEmpty();
    }

    @Test
    void each_decider_of_a_disclosure_request_with_an_address_gets_one_mail_that_says_neither_who_asked_nor_what_for()
            throws Exception {
        DisclosureDecidersTold told = new DisclosureDecidersTold(TenantId.of(TENANT), List.of(
                new DisclosureDecidersTold.Addressee(UUID.randomUUID(), "Dee", "dee@lib.example"),
                new DisclosureDecidersTold.Addressee(UUID.randomUUID(), "Sol", "sol@lib.example"),
                new DisclosureDecidersTold.Addressee(UUID.randomUUID(), "Noa", null)),
                "A request for patron information was logged at NORTH and comes to you to decide (disclosure request 42).");
        int queued = inTenant(TENANT, em -> NoticeMail.disclosureRequest(em, store(), "Riverbend Library", told,
                "http://servicepoint.test/", "lib.example"));
        assertThat(queued).isEqualTo(2);

        assertThat(pass().sent()).isEqualTo(2);
        assertThat(pass().sent()).isZero();

        for (String address : List.of("dee@lib.example", "sol@lib.example")) {
            List<MimeMessage> got = to(address);
            assertThat(got).hasSize(1);
            assertThat(got.get(0).getSubject()).isEqualTo("ServicePoint: a request for patron information waits for your decision");
            assertThat(text(got.get(0)))
                    .contains("logged at NORTH", "disclosure request 42", "http://servicepoint.test/t/" + TENANT + "/")
                    .contains("neither who asked nor what for");
        }
        assertThat(smtp.getReceivedMessages()).hasSize(2);
    }
}
