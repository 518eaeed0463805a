package org.servicepoint.bans.control;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.servicepoint.confidentiality.control.PlainTextSealing;
import org.servicepoint.platform.control.SchemaReady;

/**
 * Seals the ban and lift reasons that a database written before migration V15 still holds as plain text, at start
 * and again when a tenant's data key is rotated: confidentiality's {@link PlainTextSealing} over the ban table.
 */
@ApplicationScoped
public class SealPlainReasons extends PlainTextSealing {

    @PersistenceContext(unitName = "bans")
    EntityManager em;

    public SealPlainReasons() {
        super(new Description("computer-use bans", "computer-use-ban.seal-plain-text", "computer-use-bans", "reason(s)",
                List.of(new Columns(BanStore.TABLE, "reason", "lift_reason"))));
    }

    void onSchemaReady(@Observes @Priority(Interceptor.Priority.APPLICATION + 650) SchemaReady ready) {
        sealAtStart();
    }

    @Override
    protected EntityManager em() {
        return em;
    }
}
