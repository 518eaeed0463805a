package org.servicepoint.bans.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.servicepoint.confidentiality.control.PatronReferenceHolds;
import org.servicepoint.platform.control.TenantDatabase;
import org.servicepoint.platform.entity.TenantId;

/** A ban that has not ended needs its patron reference, however long the patron stays away: the purge keeps it. */
@ApplicationScoped
public class BannedPatronReferences implements PatronReferenceHolds {

    @PersistenceContext(unitName = "bans")
    EntityManager em;

    @Inject
    TenantDatabase tenantDatabase;

    Clock clock = Clock.systemUTC();

    @Override
    @Transactional
    public Set<UUID> held(TenantId tenant) {
        return new HashSet<>(tenantDatabase.bind(em, tenant)
                .createQuery("select b.patronReferenceId from ComputerUseBan b where b.liftedAt is null and b.endsAt > :now", UUID.class)
                .setParameter("now", OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC))
                .getResultList());
    }
}
