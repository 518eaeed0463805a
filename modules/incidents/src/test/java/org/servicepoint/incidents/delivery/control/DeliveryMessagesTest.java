package org.servicepoint.incidents.delivery.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.servicepoint.incidents.Fixtures;
import org.servicepoint.incidents.delivery.entity.DeliveryKind;
import org.servicepoint.incidents.delivery.entity.IncidentDelivery;
import org.servicepoint.incidents.forms.control.Library;
import org.servicepoint.incidents.reports.control.ReportView;

/** The mails in the library system's language and time zone. */
class DeliveryMessagesTest {

    private static final Locale ES_US = Locale.forLanguageTag("es-US");

    @Test
    void a_spanish_speaking_library_system_mails_its_reports_and_overdue_notices_in_spanish() {
        ReportView report = Fixtures.report("Short.");
        // Names are arguments, never patterns: braces and apostrophes in them print as typed.
        Library spanish = new Library("rio", "Biblioteca O'Brien {1}", Fixtures.ZONE, ES_US, Fixtures.library("rio").branches(),
                Fixtures.library("rio").positions());
        IncidentDelivery delivery = new IncidentDelivery(report.id(), DeliveryKind.REPORT, UUID.randomUUID(), "Rosa", "branch-manager",
                "rosa@lib.example", "<m@lib.example>", OffsetDateTime.parse("2026-03-10T14:00:00-05:00"));
        OutgoingMail mail = DeliveryMessages.report(spanish, report, delivery, new byte[] {1}, "https://sp.example/");
        assertThat(Fixtures.spaced(mail.subject())).startsWith("Informe de incidente: Theft, North Branch, 10 mar. 2026 1:30 p. m.");
        assertThat(mail.text()).startsWith("Hola, Rosa:").contains("de Biblioteca O'Brien {1};").contains("  Dónde:   North Branch", "Lo recibe como Branch manager.",
                "https://sp.example/t/rio/#/incidents/" + report.id(), "No lo reenvíe.");
        OutgoingMail overdue = DeliveryMessages.overdue(spanish, report, delivery, "https://sp.example");
        assertThat(overdue.subject()).isEqualTo("Informe de incidente atrasado: Theft, North Branch");
        assertThat(overdue.text()).contains("no ha llegado a todos sus destinatarios");
    }

    @Test
    void an_english_speaking_library_system_keeps_the_mail_it_had() {
        ReportView report = Fixtures.report("Short.");
        IncidentDelivery delivery = new IncidentDelivery(report.id(), DeliveryKind.REPORT, UUID.randomUUID(), "Rosa", "branch-manager",
                "rosa@lib.example", "<m@lib.example>", OffsetDateTime.parse("2026-03-10T14:00:00-05:00"));
        OutgoingMail mail = DeliveryMessages.report(Fixtures.library("east"), report, delivery, new byte[] {1}, null);
        assertThat(mail.subject()).isEqualTo("Incident report: Theft, North Branch, Mar 10, 2026, 1:30 PM");
        assertThat(mail.text()).isEqualTo("""
                Hello Rosa,

                an incident report of Library system east was signed and is attached as PDF with its signature trail.

                  What:   Theft
                  Where:  North Branch
                  When:   Mar 10, 2026, 1:30 PM
                  By:     Sam

                You receive it as Branch manager.
                Open it in ServicePoint: /t/east/#/incidents/%s

                This message contains confidential information about library users and staff. Do not forward it.
                """.formatted(report.id()));
    }
}
