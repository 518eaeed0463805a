package org.servicepoint.platform.control;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/**
 * Start-up work in order: migrate the schema, then let the contexts do theirs (through {@link SchemaReady}).
 * An EJB start-up singleton rather than a CDI start-up observer, because Payara binds the module's
 * persistence contexts only after CDI's initialisation event has fired.
 */
@Singleton
@Startup
public class StartupSequence {

    @Inject
    Migrations migrations;

    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void start() {
        migrations.migrate();
    }
}
