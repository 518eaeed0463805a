package org.servicepoint.patronrequests.cards.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.servicepoint.confidentiality.control.KeyRing;
import org.servicepoint.confidentiality.control.MasterKeys;
import org.servicepoint.confidentiality.control.TenantKeys;
import org.servicepoint.patronrequests.cards.entity.CommentCard;
import org.servicepoint.patronrequests.entity.StoredContact;
import org.servicepoint.platform.entity.TenantId;
import org.servicepoint.platform.testing.TenantTransactions;
import org.servicepoint.platform.testing.TestClock;

/**
 * Comment cards on real PostgreSQL as the application role with both walls bound: numbered per library system and
 * year, sealed at rest, listed and counted per branch, and invisible to another library system.
 */
class CardStoreDatabaseTest {

    static final TenantTransactions CARDS = TenantTransactions.of("patron-requests-test", "platform", "tenancy", "confidentiality",
            "patron_requests");
    static final String RIVER = "cards-river";
    static final String LAKE = "cards-lake";
    static final Instant NOW = Instant.parse("2026-12-03T15:00:00Z");
    static TenantKeys keys;

    @BeforeAll
    static void start() {
        CARDS.db();
        CARDS.tenant(RIVER, LAKE);
        byte[] raw = new byte[32];
        new SecureRandom().nextBytes(raw);
        keys = new TenantKeys(MasterKeys.of("k1", Base64.getEncoder().encodeToString(raw), Optional.empty()), new TestClock(NOW),
                new SecureRandom());
    }

    static UUID card(String tenant, String branch, CommentCard.Kind kind, String text) {
        return CARDS.inTenant(tenant, em -> {
            UUID id = UUID.randomUUID();
            KeyRing ring = keys.ring(em, TenantId.of(tenant), true);
            String reference = CardStore.nextReference(em, 2026);
            em.persist(new CommentCard(id, reference, branch, kind, ring.seal(CommentCard.TABLE, "text", id, text), "en", false, null, NOW));
            return id;
        });
    }

    @Test
    void referencesCountUpPerLibrarySystemAndStartAgainEachYear() {
        String first = CARDS.inTenant(RIVER, em -> CardStore.nextReference(em, 2031));
        String second = CARDS.inTenant(RIVER, em -> CardStore.nextReference(em, 2031));
        String otherLibrary = CARDS.inTenant(LAKE, em -> CardStore.nextReference(em, 2031));
        String nextYear = CARDS.inTenant(RIVER, em -> CardStore.nextReference(em, 2032));

        assertThat(List.of(first, second, otherLibrary, nextYear)).containsExactly("K-2031-0001", "K-2031-0002", "K-2031-0001", "K-2032-0001");
    }

    @Test
    void aCardsWordsAreSealedAtRestAndOpenOnlyForItsRow() {
        String words = "The self-checkout at Pine Hollow keeps freezing";
        UUID id = card(RIVER, "PINE-HOLLOW", CommentCard.Kind.COMPLAINT, words);

        byte[] stored = CARDS.asOwner(RIVER, em -> em.find(CommentCard.class, id).sealedText());
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("self-checkout");
        assertThat(CARDS.<String>inTenant(RIVER, em -> keys.ring(em, TenantId.of(RIVER), false).open(CommentCard.TABLE, "text", id, stored)))
                .isEqualTo(words);
    }

    @Test
    void anotherLibrarySystemFindsNeitherTheCardNorItsCount() {
        UUID id = card(RIVER, "MOSSY-CREEK", CommentCard.Kind.PRAISE, "Lovely story time");

        CARDS.assertFoundOnlyBy(RIVER, LAKE, CommentCard.class, id);
        assertThat(CARDS.<List<CommentCard>>inTenant(LAKE, em -> CardStore.list(em, null, null, null))).extracting(CommentCard::id).doesNotContain(id);
        assertThat(CARDS.<CommentCard>inTenant(LAKE, em -> em.find(CommentCard.class, id))).isNull();
        assertThat(CARDS.<List<CardViews.Count>>inTenant(LAKE, em -> CardStore.counts(em, "MOSSY-CREEK", NOW.minusSeconds(60), NOW.plusSeconds(60)))).isEmpty();
    }

    @Test
    void listsNarrowToABranchKindAndStateAndCountsGroupByBranchAndKind() {
        String tenant = "cards-counts";
        CARDS.tenant(tenant);
        card(tenant, "NORTH", CommentCard.Kind.PRAISE, "a");
        card(tenant, "NORTH", CommentCard.Kind.PRAISE, "b");
        card(tenant, "NORTH", CommentCard.Kind.SUGGESTION, "c");
        UUID south = card(tenant, "SOUTH", CommentCard.Kind.COMPLAINT, "d");

        assertThat(CARDS.<List<CommentCard>>inTenant(tenant, em -> CardStore.list(em, "SOUTH", null, null))).extracting(CommentCard::id).containsExactly(south);
        assertThat(CARDS.<List<CommentCard>>inTenant(tenant, em -> CardStore.list(em, "NORTH", CommentCard.Kind.PRAISE, CommentCard.State.NEW))).hasSize(2);
        assertThat(CARDS.<List<CommentCard>>inTenant(tenant, em -> CardStore.list(em, null, null, CommentCard.State.CLOSED))).isEmpty();
        assertThat(CARDS.<List<CardViews.Count>>inTenant(tenant, em -> CardStore.counts(em, null, NOW.minusSeconds(60), NOW.plusSeconds(60))))
                .containsExactly(new CardViews.Count("NORTH", "praise", 2), new CardViews.Count("NORTH", "suggestion", 1),
                        new CardViews.Count("SOUTH", "complaint", 1));
        assertThat(CARDS.<List<CardViews.Count>>inTenant(tenant, em -> CardStore.counts(em, null, NOW.plusSeconds(1), NOW.plusSeconds(60)))).isEmpty();
    }

    @Test
    void theRetentionPurgeTakesHandledCardsPastThePeriodWithTheirContactAndKeepsNewOnes() {
        String tenant = "cards-purge";
        CARDS.tenant(tenant);
        Instant longAgo = NOW.minus(java.time.Duration.ofDays(400));
        UUID[] ids = CARDS.inTenant(tenant, em -> {
            KeyRing ring = keys.ring(em, TenantId.of(tenant), true);
            UUID contact = UUID.randomUUID();
            em.persist(new StoredContact(contact, null, ring.seal(StoredContact.TABLE, "email", contact, "old@example.org"), null, "en",
                    longAgo));
            UUID handled = UUID.randomUUID();
            CommentCard closed = new CommentCard(handled, CardStore.nextReference(em, 2025), "NORTH", CommentCard.Kind.PRAISE,
                    ring.seal(CommentCard.TABLE, "text", handled, "old"), "en", true, contact, longAgo);
            closed.handled(CommentCard.State.CLOSED, longAgo);
            em.persist(closed);
            UUID waiting = UUID.randomUUID();
            em.persist(new CommentCard(waiting, CardStore.nextReference(em, 2025), "NORTH", CommentCard.Kind.COMPLAINT,
                    ring.seal(CommentCard.TABLE, "text", waiting, "still new"), "en", false, null, longAgo));
            return new UUID[] {handled, contact, waiting};
        });

        Number removed = CARDS.inTenant(tenant, em -> (Number) em.createNativeQuery("select comment_cards_purge(?1, ?2, ?3)")
                .setParameter(1, tenant).setParameter(2, java.time.OffsetDateTime.ofInstant(NOW.minus(java.time.Duration.ofDays(365)),
                        java.time.ZoneOffset.UTC)).setParameter(3, 100).getSingleResult());

        assertThat(removed.intValue()).isEqualTo(1);
        assertThat(CARDS.<CommentCard>asOwner(tenant, em -> em.find(CommentCard.class, ids[0]))).isNull();
        assertThat(CARDS.<StoredContact>asOwner(tenant, em -> em.find(StoredContact.class, ids[1]))).isNull();
        assertThat(CARDS.<CommentCard>asOwner(tenant, em -> em.find(CommentCard.class, ids[2]))).isNotNull();
    }
}
