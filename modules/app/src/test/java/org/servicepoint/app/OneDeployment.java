package org.servicepoint.app;

import org.jboss.arquillian.container.spi.client.deployment.DeploymentScenario;
import org.jboss.arquillian.container.spi.event.DeployManagedDeployments;
import org.jboss.arquillian.container.spi.event.UnDeployManagedDeployments;
import org.jboss.arquillian.container.test.impl.client.deployment.event.GenerateDeployment;
import org.jboss.arquillian.core.api.Event;
import org.jboss.arquillian.core.api.Instance;
import org.jboss.arquillian.core.api.InstanceProducer;
import org.jboss.arquillian.core.api.annotation.Inject;
import org.jboss.arquillian.core.api.annotation.Observes;
import org.jboss.arquillian.core.spi.EventContext;
import org.jboss.arquillian.core.spi.LoadableExtension;
import org.jboss.arquillian.test.spi.annotation.ClassScoped;
import org.jboss.arquillian.test.spi.context.ClassContext;
import org.jboss.arquillian.test.spi.event.suite.AfterSuite;

/**
 * One deployment for every Arquillian class of the run (client side only, registered in META-INF/services).
 *
 * <p>Arquillian deploys per test class, and the Payara Micro adapter starts a new server for every deployment.
 * The first class's deployment is kept and handed to each following class (so in-container calls and
 * {@code @ArquillianResource} reach the same server); it is undeployed once, when the run ends. A class that does
 * not extend {@link ServicePointDeployment} (e.g. {@code DemoDataIT}, with other settings) deploys and undeploys its
 * own, before the shared one starts ({@code @Order(0)}), so two servers never run at once.
 */
public final class OneDeployment implements LoadableExtension {

    @Override
    public void register(ExtensionBuilder builder) {
        builder.observer(Keeper.class);
    }

    /** Observes the deployment events of each class and lets only the first deploy and the end of the run undeploy. */
    public static final class Keeper {

        @Inject
        @ClassScoped
        private InstanceProducer<DeploymentScenario> scenario;

        @Inject
        private Instance<ClassContext> classContext;

        @Inject
        private Event<UnDeployManagedDeployments> undeploy;

        private DeploymentScenario shared;
        private Class<?> firstClass;
        private boolean deployed;
        private boolean ending;
        /** The current class brings a deployment of its own (it does not extend ServicePointDeployment). */
        private boolean own;

        public void generate(@Observes EventContext<GenerateDeployment> event) {
            own = !ServicePointDeployment.class.isAssignableFrom(event.getEvent().getTestClass().getJavaClass());
            if (own) {
                event.proceed();
            } else if (shared == null) {
                event.proceed();
                shared = scenario.get();
                firstClass = event.getEvent().getTestClass().getJavaClass();
            } else {
                scenario.set(shared);
            }
        }

        public void deploy(@Observes EventContext<DeployManagedDeployments> event) {
            if (own) {
                event.proceed();
            } else if (!deployed) {
                deployed = true;
                event.proceed();
            }
        }

        public void undeploy(@Observes EventContext<UnDeployManagedDeployments> event) {
            if (ending || own) {
                event.proceed();
            }
        }

        /** Before the containers stop (precedence 0): the shared deployment goes, in a class context of its own. */
        public void end(@Observes(precedence = 100) AfterSuite event) {
            if (!deployed) {
                return;
            }
            ending = true;
            ClassContext context = classContext.get();
            context.activate(firstClass);
            try {
                scenario.set(shared);
                undeploy.fire(new UnDeployManagedDeployments());
            } finally {
                context.deactivate();
                context.destroy(firstClass);
                ending = false;
                deployed = false;
            }
        }
    }
}
