package org.servicepoint.patronrequests.cards.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.TypedQuery;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.servicepoint.patronrequests.cards.entity.CommentCard;
import org.servicepoint.patronrequests.control.Matter;
import org.servicepoint.patronrequests.entity.MatterKind;
import org.servicepoint.patronrequests.entity.MatterRef;
import org.servicepoint.patronrequests.control.Matters;
import org.servicepoint.platform.control.Messages;
import org.servicepoint.platform.control.TenantWork;
import org.servicepoint.platform.entity.WireNames;
import org.servicepoint.tenancy.control.TenantDirectory;

/**
 * Comment cards as matters, for follow-ups, updates to the patron and headquarters' overview. The label is the card's
 * kind in the library system's words ("Comment card: a suggestion"), never what the patron wrote.
 */
@ApplicationScoped
public class CommentCardMatters implements Matters {

    @Inject
    TenantDirectory directory;

    @Override
    public MatterKind kind() {
        return MatterKind.COMMENT_CARD;
    }

    @Override
    public Optional<Matter> find(TenantWork.Acting at, UUID id) {
        CommentCard card = id == null ? null : at.db().find(CommentCard.class, id);
        if (card == null || !at.covers(card.branchCode())) {
            return Optional.empty();
        }
        return Optional.of(matter(card, words(at)));
    }

    @Override
    public List<Matter> open(TenantWork.Acting at, String branch) {
        String narrowed = at.narrow(branch);
        TypedQuery<CommentCard> query = at.db().createQuery("select c from CommentCard c where c.state <> :closed"
                + (narrowed == null ? "" : " and c.branchCode = :branch") + " order by c.receivedAt", CommentCard.class)
                .setParameter("closed", CommentCard.State.CLOSED);
        if (narrowed != null) {
            query.setParameter("branch", narrowed);
        }
        Messages words = words(at);
        return query.setMaxResults(CardStore.LIST_LIMIT).getResultList().stream().map(c -> matter(c, words)).toList();
    }

    private Messages words(TenantWork.Acting at) {
        return Messages.of(CommentCardPoster.TEXTS, directory.outline(at.tenant()).language());
    }

    static Matter matter(CommentCard card, Messages words) {
        String kind = WireNames.of(card.kind());
        return new Matter(new MatterRef(MatterKind.COMMENT_CARD, card.id()), card.reference(), card.branchCode(),
                words.get("patronrequests.cards.label", words.get("patronrequests.cards.form.kind." + kind)), WireNames.of(card.state()),
                card.state() != CommentCard.State.CLOSED, card.receivedAt(), null, card.contactId(), null);
    }
}
