package org.servicepoint.patronrequests.cards.control;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.servicepoint.patronrequests.cards.entity.CommentCard;
import org.servicepoint.patronrequests.cards.entity.CommentCardStep;
import org.servicepoint.platform.entity.StoredTime;
import org.servicepoint.platform.entity.WireNames;

/** Queries on comment cards, on an entity manager bound to one library system (both tenant walls). */
final class CardStore {

    static final int LIST_LIMIT = 500;

    private CardStore() {
    }

    /**
     * The next reference of the library system for {@code year}, {@code K-<year>-<nnnn>}: the counter row is raised in
     * the caller's transaction, so two cards never share a number and a rolled-back card gives its number back.
     */
    static String nextReference(EntityManager bound, int year) {
        Object last = bound.createNativeQuery("insert into comment_card_number (tenant_id, year, last) "
                        + "values (current_setting('app.tenant_id', true), ?1, 1) on conflict (tenant_id, year) "
                        + "do update set last = comment_card_number.last + 1 returning last")
                .setParameter(1, year).getSingleResult();
        return String.format("K-%d-%04d", year, ((Number) last).intValue());
    }

    static List<CommentCard> list(EntityManager bound, String branch, CommentCard.Kind kind, CommentCard.State state) {
        StringBuilder jpql = new StringBuilder("select c from CommentCard c where 1 = 1");
        if (branch != null) {
            jpql.append(" and c.branchCode = :branch");
        }
        if (kind != null) {
            jpql.append(" and c.kind = :kind");
        }
        if (state != null) {
            jpql.append(" and c.state = :state");
        }
        TypedQuery<CommentCard> query = bound.createQuery(jpql.append(" order by c.receivedAt desc").toString(), CommentCard.class);
        if (branch != null) {
            query.setParameter("branch", branch);
        }
        if (kind != null) {
            query.setParameter("kind", kind);
        }
        if (state != null) {
            query.setParameter("state", state);
        }
        return query.setMaxResults(LIST_LIMIT).getResultList();
    }

    static List<CommentCardStep> steps(EntityManager bound, UUID card) {
        return bound.createQuery("select s from CommentCardStep s where s.cardId = :card order by s.at", CommentCardStep.class)
                .setParameter("card", card).getResultList();
    }

    static List<CardViews.Count> counts(EntityManager bound, String branch, Instant from, Instant to) {
        TypedQuery<Object[]> query = bound.createQuery("select c.branchCode, c.kind, count(c) from CommentCard c "
                + "where c.receivedAt >= :from and c.receivedAt < :to" + (branch == null ? "" : " and c.branchCode = :branch")
                + " group by c.branchCode, c.kind order by c.branchCode, c.kind", Object[].class)
                .setParameter("from", StoredTime.stored(from)).setParameter("to", StoredTime.stored(to));
        if (branch != null) {
            query.setParameter("branch", branch);
        }
        return query.getResultList().stream()
                .map(r -> new CardViews.Count((String) r[0], WireNames.of((CommentCard.Kind) r[1]), ((Number) r[2]).longValue()))
                .toList();
    }
}
