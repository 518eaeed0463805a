package org.servicepoint.tenancy.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Locale;
import java.util.Optional;
import org.servicepoint.platform.control.Messages;
import org.servicepoint.platform.control.TenantLocales;
import org.servicepoint.platform.entity.TenantId;
import org.servicepoint.tenancy.entity.Tenant;

/** A library system's language from the registry (its fallback where it has no texts), for the platform's problem texts. */
@ApplicationScoped
public class TenantRegistryLocales implements TenantLocales {

    @PersistenceContext(unitName = "tenancy")
    EntityManager em;

    // Its own transaction: asked while a failed request's transaction is being rolled back.
    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<Locale> localeOf(TenantId tenant) {
        // The registry is platform data, not tenant-owned: no tenant binding needed to read it.
        return Optional.ofNullable(em.find(Tenant.class, tenant.value()))
                .map(t -> Messages.textLocale(t.locale(), t.fallbackLanguage()));
    }
}
