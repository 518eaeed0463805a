package org.servicepoint.platform.entity;

import org.eclipse.persistence.config.SessionCustomizer;
import org.eclipse.persistence.descriptors.ClassDescriptor;
import org.eclipse.persistence.descriptors.DescriptorEvent;
import org.eclipse.persistence.descriptors.DescriptorEventAdapter;
import org.eclipse.persistence.sessions.Session;

/**
 * Makes wall 1 fail loudly: persisting, changing or removing a tenant-owned row through an entity manager
 * that has no tenant is refused in Java, before any SQL is sent. Set as {@code eclipselink.session.customizer}.
 */
public class TenantGuard implements SessionCustomizer {

    @Override
    public void customize(Session session) {
        for (ClassDescriptor descriptor : session.getDescriptors().values()) {
            if (descriptor.hasMultitenantPolicy()) {
                descriptor.getEventManager().addListener(new Refuser());
            }
        }
    }

    static final class Refuser extends DescriptorEventAdapter {
        @Override
        public void prePersist(DescriptorEvent event) {
            check(event, "add");
        }

        @Override
        public void preWrite(DescriptorEvent event) {
            check(event, "write");
        }

        @Override
        public void preDelete(DescriptorEvent event) {
            check(event, "remove");
        }

        private static void check(DescriptorEvent event, String what) {
            Object tenant = event.getSession().getProperty(TenantOwned.TENANT_PROPERTY);
            if (tenant == null || tenant.toString().isBlank()) {
                throw new IllegalStateException("refusing to " + what + " a " + event.getSource().getClass().getSimpleName()
                        + " without a tenant: bind the entity manager to a tenant first");
            }
        }
    }
}
