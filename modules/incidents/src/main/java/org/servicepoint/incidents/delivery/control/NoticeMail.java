package org.servicepoint.incidents.delivery.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import org.servicepoint.incidents.delivery.entity.DeliveryKind;
import org.servicepoint.platform.control.Caller;
import org.servicepoint.platform.entity.TenantId;
import org.servicepoint.staffing.control.DisclosureDecidersTold;
import org.servicepoint.staffing.control.ReportRecipientChanged;
import org.servicepoint.tenancy.control.LibraryWork;

/**
 * Staffing tells people in the app of two things that must also reach them by mail (decision 0008): an address that
 * no longer receives incident reports, and a request for patron information routed to them. This queues those mails
 * in the incidents outbox inside the same transaction as the change, so a mail exists exactly when the change
 * committed, and the delivery worker sends them with its retries, fencing and audit.
 */
@ApplicationScoped
public class NoticeMail {

    @PersistenceContext(unitName = "incidents")
    EntityManager em;

    @Inject
    LibraryWork work;

    @Inject
    MailConfig config;

    @Inject
    Event<DeliveryWorker.Queued> queued;

    Clock clock = Clock.systemUTC();

    void onRecipientChanged(@Observes ReportRecipientChanged changed) {
        if (changed.previousEmail() != null) {
            LibraryWork.InLibrary at = asSystem(changed.tenant());
            recipientChanged(at.db(), config.store(clock), named(at), changed, config.messageIdDomain());
            queued.fire(new DeliveryWorker.Queued(1));
        }
    }

    void onDisclosureDecidersTold(@Observes DisclosureDecidersTold told) {
        LibraryWork.InLibrary at = asSystem(told.tenant());
        int mails = disclosureRequest(at.db(), config.store(clock), named(at), told, config.publicUrl(), config.messageIdDomain());
        if (mails > 0) {
            queued.fire(new DeliveryWorker.Queued(mails));
        }
    }

    /** The previous address is told that reports stopped coming there, and by whose change. */
    static void recipientChanged(EntityManager bound, DeliveryStore store, Named library, ReportRecipientChanged changed,
                                 String messageIdDomain) {
        store.enqueueNotice(bound, DeliveryKind.RECIPIENT_CHANGED,
                new Recipient(changed.staffMemberId(), changed.tagName(), DeliveryKind.RECIPIENT_CHANGED.code(), null,
                        changed.previousEmail()),
                DeliveryMessages.recipientChanged(library.locale(), library.name(), changed.tagName(), changed.changedBy()), messageIdDomain);
    }

    /** Each decider the roster has an address for gets a mail; the in-app notice reaches the others. Answers how many. */
    static int disclosureRequest(EntityManager bound, DeliveryStore store, Named library, DisclosureDecidersTold told,
                                 String publicUrl, String messageIdDomain) {
        int mails = 0;
        for (DisclosureDecidersTold.Addressee decider : told.deciders()) {
            if (decider.email() != null) {
                store.enqueueNotice(bound, DeliveryKind.DISCLOSURE_REQUEST,
                        new Recipient(decider.staffMemberId(), decider.tagName(), DeliveryKind.DISCLOSURE_REQUEST.code(), null,
                                decider.email()),
                        DeliveryMessages.disclosureRequest(library.locale(), library.name(), decider.tagName(), told.text(), publicUrl,
                                told.tenant().value()), messageIdDomain);
                mails++;
            }
        }
        return mails;
    }

    /** The library system's name and the language its mails are written in. */
    record Named(String name, java.util.Locale locale) {
    }

    /** The outbox is written for no person: as the system, inside the transaction of the change it tells of. */
    private LibraryWork.InLibrary asSystem(TenantId tenant) {
        return work.actFor(em, tenant, Caller.SYSTEM);
    }

    private static Named named(LibraryWork.InLibrary at) {
        var outline = at.outline();
        return new Named(outline.name(), outline.locale() == null ? java.util.Locale.US : outline.language());
    }
}
