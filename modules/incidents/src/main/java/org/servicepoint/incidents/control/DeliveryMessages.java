package org.servicepoint.incidents.control;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import org.servicepoint.incidents.entity.IncidentDelivery;

/**
 * The text of the mails. The report itself travels as the signed PDF; the mail says only what, where and when,
 * so that no answer and no patron detail is in a subject line or a mail server's log. Notices about no report (an
 * address that stops receiving reports, a disclosure request to decide) are written here too, when queued.
 */
public final class DeliveryMessages {

    private DeliveryMessages() {
    }

    /** The message of a claimed delivery, read in the claim's transaction (the report as it stands, as PDF). */
    public static OutgoingMail compose(jakarta.persistence.EntityManager bound, org.servicepoint.platform.entity.TenantId tenant,
                                       Library library, java.time.Clock clock, IncidentDelivery delivery, String publicUrl,
                                       org.servicepoint.confidentiality.control.TextSeal seal) {
        if (!delivery.kind().aboutReport()) {
            return new OutgoingMail(delivery.email(), delivery.subject(), delivery.body(), null, null, delivery.messageId(),
                    delivery.id().toString());
        }
        IncidentReportStore reports = new IncidentReportStore(tenant, library, clock, seal);
        ReportView report = reports.read(bound, org.servicepoint.platform.control.Caller.SYSTEM, delivery.reportId());
        if (delivery.kind() == org.servicepoint.incidents.entity.DeliveryKind.OVERDUE_NOTICE) {
            return overdue(library, report, delivery, publicUrl);
        }
        return report(library, report, delivery, reports.pdf(bound, org.servicepoint.platform.control.Caller.SYSTEM, delivery.reportId()),
                publicUrl);
    }

    public static OutgoingMail report(Library library, ReportView report, IncidentDelivery delivery, byte[] pdf, String publicUrl) {
        String when = report.occurredAt().atZoneSameInstant(library.zone())
                .format(DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(library.locale()));
        String subject = oneLine("Incident report: " + report.categoryTitle() + ", " + report.branchName() + ", " + when);
        String text = "Hello " + delivery.recipientName() + ",\n\n"
                + "an incident report of " + library.name() + " was signed and is attached as PDF with its signature trail.\n\n"
                + "  What:   " + report.categoryTitle() + "\n"
                + "  Where:  " + report.branchName() + "\n"
                + "  When:   " + when + "\n"
                + "  By:     " + (report.reporter().tagName() == null ? report.reporter().username() : report.reporter().tagName()) + "\n\n"
                + "You receive it as " + library.positionName(delivery.recipientPosition()) + ".\n"
                + "Open it in ServicePoint: " + link(publicUrl, library.slug(), report) + "\n\n"
                + "This message contains confidential information about library users and staff. Do not forward it.\n";
        return new OutgoingMail(delivery.email(), subject, text, pdf, "incident-report-" + report.id() + ".pdf",
                delivery.messageId(), delivery.id().toString());
    }

    public static OutgoingMail overdue(Library library, ReportView report, IncidentDelivery delivery, String publicUrl) {
        String subject = oneLine("Overdue incident report: " + report.categoryTitle() + ", " + report.branchName());
        String text = "Hello " + delivery.recipientName() + ",\n\n"
                + "an incident report of " + report.branchName() + " (" + report.categoryTitle() + ") has not reached all of its "
                + "recipients by its deadline. It is at the top of the headquarters list.\n\n"
                + "Open it in ServicePoint: " + link(publicUrl, library.slug(), report) + "\n";
        return new OutgoingMail(delivery.email(), subject, text, null, null, delivery.messageId(), delivery.id().toString());
    }

    /** A notice's subject and text, written when it is queued. */
    public record Notice(String subject, String body) {
    }

    /** To an address that received incident reports for someone and no longer does. */
    public static Notice recipientChanged(String libraryName, String recipientName, String changedBy) {
        return new Notice(oneLine("ServicePoint: incident reports are no longer sent to this address"),
                "Hello " + recipientName + ",\n\n"
                        + "incident reports of " + libraryName + " that were sent to this address for you are no longer sent "
                        + "here: your roster entry was changed by " + changedBy + ".\n\n"
                        + "If you did not expect this, tell headquarters at once.\n");
    }

    /** To a person a request for patron information was routed to: that it waits, never who asked or what for. */
    public static Notice disclosureRequest(String libraryName, String deciderName, String notice, String publicUrl, String slug) {
        String base = publicUrl == null ? "" : publicUrl.replaceAll("/+$", "");
        return new Notice(oneLine("ServicePoint: a request for patron information waits for your decision"),
                "Hello " + deciderName + ",\n\n"
                        + notice + "\n\n"
                        + "Open it in ServicePoint (" + libraryName + ") to read and decide it: " + base + "/t/" + slug + "/\n\n"
                        + "This message says neither who asked nor what for. Do not forward it.\n");
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
