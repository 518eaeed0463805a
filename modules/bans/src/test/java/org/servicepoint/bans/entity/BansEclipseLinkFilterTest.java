package org.servicepoint.bans.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.servicepoint.bans.control.BansDatabase.BANS;
import static org.servicepoint.platform.testing.WallChecks.assertQueriesSeeOnly;
import static org.servicepoint.platform.testing.WallChecks.assertStamped;
import static org.servicepoint.platform.testing.WallChecks.assertWriteWithoutTenantFails;

import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Wall 1 alone for bans: EclipseLink connected as the superuser, whom row-level security does not bind, so
 * only the multitenant filter keeps the library systems apart.
 */
class BansEclipseLinkFilterTest {

    static final String EAST = "bans-orm-east";
    static final String WEST = "bans-orm-west";
    static final Instant START = Instant.parse("2026-03-10T12:00:00Z");

    static UUID eastBan;
    static UUID westBan;

    @BeforeAll
    static void twoTenants() {
        BANS.tenant(EAST, WEST);
        Map<String, UUID> bans = BANS.seedAsOwner((em, tenant) -> {
            ComputerUseBan ban = new ComputerUseBan(UUID.randomUUID(), UUID.randomUUID(), null, BanScope.BRANCH, "NORTH", START,
                    START.plusSeconds(86_400 * 30L), new byte[] {1}, LocalDate.parse("2026-03-20"), "rosa", START);
            em.persist(ban);
            return ban.id();
        }, EAST, WEST);
        eastBan = bans.get(EAST);
        westBan = bans.get(WEST);
    }

    @Test
    void queries_see_only_the_entity_managers_tenant() {
        BANS.checkAsOwner(WEST, em -> {
            assertQueriesSeeOnly(em, WEST, ComputerUseBan.class);
            assertThat(em.createQuery("select b from ComputerUseBan b where b.id = :id", ComputerUseBan.class)
                    .setParameter("id", eastBan).getResultList()).isEmpty();
        });
    }

    @Test
    void another_tenants_ban_is_not_found_by_id_and_a_null_incident_reads_back_as_null() {
        BANS.assertFoundOnlyBy(EAST, WEST, ComputerUseBan.class, eastBan);
        BANS.checkAsOwner(WEST, em -> {
            ComputerUseBan own = em.find(ComputerUseBan.class, westBan);
            assertThat(own).isNotNull();
            assertThat(own.incidentReportId()).isNull();
            assertThat(own.reviewOn()).isEqualTo(LocalDate.parse("2026-03-20"));
        });
    }

    @Test
    void inserts_are_stamped_with_the_tenant() throws SQLException {
        assertStamped(BANS.db(), EAST, "select tenant_id from computer_use_ban where id = ?", eastBan);
    }

    @Test
    void a_write_without_a_tenant_fails_loudly() {
        ComputerUseBan stray = new ComputerUseBan(UUID.randomUUID(), UUID.randomUUID(), null, BanScope.SYSTEM, null, START, START.plusSeconds(60),
                new byte[] {1}, null, "rosa", START);
        assertWriteWithoutTenantFails(BANS.owner(), stray);
    }
}
