package org.servicepoint.incidents.delivery.control;

import org.servicepoint.incidents.delivery.entity.IncidentDelivery;
import org.servicepoint.incidents.forms.control.Library;
import org.servicepoint.incidents.reports.control.IncidentReportStore;
import org.servicepoint.incidents.reports.control.ReportView;
import org.servicepoint.platform.control.Messages;

/**
 * The text of the mails. The report itself travels as the signed PDF; the mail says only what, where and when,
 * so that no answer and no patron detail is in a subject line or a mail server's log. The words are the library
 * system's language ({@code messages*.properties}), the time its zone.
 * Notices about no report (an address that stops receiving reports, a disclosure request to decide) are
 * written here too, when queued.
 */
public final class DeliveryMessages {

    private static final String TEXTS = "org.servicepoint.incidents.messages";

    private DeliveryMessages() {
    }

    /** The message of a claimed delivery, read in the claim's transaction (the report as it stands, as PDF). */
    public static OutgoingMail compose(jakarta.persistence.EntityManager bound, org.servicepoint.platform.entity.TenantId tenant,
                                       Library library, java.time.Clock clock, IncidentDelivery delivery, String publicUrl,
                                       org.servicepoint.confidentiality.control.TextSeal seal) {
        if (delivery.kind() == org.servicepoint.incidents.delivery.entity.DeliveryKind.PATRON_MAIL) {
            // Opened only here, to send: the patron's address, subject and text are sealed at rest.
            String table = IncidentDelivery.TABLE;
            return new OutgoingMail(seal.open(table, "sealed_email", delivery.id(), delivery.sealedEmail()),
                    seal.open(table, "sealed_subject", delivery.id(), delivery.sealedSubject()),
                    seal.open(table, "sealed_body", delivery.id(), delivery.sealedBody()), null, null, delivery.messageId(),
                    delivery.id().toString());
        }
        if (!delivery.kind().aboutReport()) {
            return new OutgoingMail(delivery.email(), delivery.subject(), delivery.body(), null, null, delivery.messageId(),
                    delivery.id().toString());
        }
        IncidentReportStore reports = new IncidentReportStore(tenant, library, clock, seal, DeliveryStore.reading(clock));
        ReportView report = reports.read(bound, org.servicepoint.platform.control.Caller.SYSTEM, delivery.reportId());
        if (delivery.kind() == org.servicepoint.incidents.delivery.entity.DeliveryKind.OVERDUE_NOTICE) {
            return overdue(library, report, delivery, publicUrl);
        }
        return report(library, report, delivery, reports.pdf(bound, org.servicepoint.platform.control.Caller.SYSTEM, delivery.reportId()),
                publicUrl);
    }

    public static OutgoingMail report(Library library, ReportView report, IncidentDelivery delivery, byte[] pdf, String publicUrl) {
        Messages t = Messages.of(TEXTS, library.locale());
        String when = t.dateTime(report.occurredAt(), library.zone());
        String subject = oneLine(t.get("mail.report.subject", report.categoryTitle(), report.branchName(), when));
        String by = report.reporter().tagName() == null ? report.reporter().username() : report.reporter().tagName();
        String text = t.get("mail.report.body", delivery.recipientName(), library.name(), report.categoryTitle(), report.branchName(),
                when, by, library.positionName(delivery.recipientPosition()), link(publicUrl, library.slug(), report));
        return new OutgoingMail(delivery.email(), subject, text, pdf, "incident-report-" + report.id() + ".pdf",
                delivery.messageId(), delivery.id().toString());
    }

    public static OutgoingMail overdue(Library library, ReportView report, IncidentDelivery delivery, String publicUrl) {
        Messages t = Messages.of(TEXTS, library.locale());
        String subject = oneLine(t.get("mail.overdue.subject", report.categoryTitle(), report.branchName()));
        String text = t.get("mail.overdue.body", delivery.recipientName(), report.branchName(), report.categoryTitle(),
                link(publicUrl, library.slug(), report));
        return new OutgoingMail(delivery.email(), subject, text, null, null, delivery.messageId(), delivery.id().toString());
    }

    /** A notice's subject and text, written when it is queued. */
    public record Notice(String subject, String body) {
    }

    /** To an address that received incident reports for someone and no longer does. */
    public static Notice recipientChanged(java.util.Locale locale, String libraryName, String recipientName, String changedBy) {
        Messages t = Messages.of(TEXTS, locale);
        return new Notice(oneLine(t.get("mail.recipient-changed.subject")),
                t.get("mail.recipient-changed.body", recipientName, libraryName, changedBy));
    }

    /** To a person a request for patron information was routed to: that it waits, never who asked or what for. */
    public static Notice disclosureRequest(java.util.Locale locale, String libraryName, String deciderName, String notice,
                                           String publicUrl, String slug) {
        Messages t = Messages.of(TEXTS, locale);
        String base = publicUrl == null ? "" : publicUrl.replaceAll("/+$", "");
        return new Notice(oneLine(t.get("mail.disclosure-request.subject")),
                t.get("mail.disclosure-request.body", deciderName, notice, libraryName, base + "/t/" + slug + "/"));
    }

    private static String link(String publicUrl, String slug, ReportView report) {
        String base = publicUrl == null ? "" : publicUrl.replaceAll("/+$", "");
        return base + "/t/" + slug + "/#/incidents/" + report.id();
    }

    /** Header values are one line: a line break from a tenant file must not start a header of its own. */
    static String oneLine(String value) {
        return value.replaceAll("[\\r\\n\\t]+", " ").strip();
    }
}
