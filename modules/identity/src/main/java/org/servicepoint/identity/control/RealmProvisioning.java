package org.servicepoint.identity.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import org.servicepoint.identity.control.KeycloakAdmin.Change;

/**
 * Makes Keycloak hold what a {@link RealmSpec} says, following the realm conventions of
 * modules/identity/README.md. Idempotent: what exists and matches is left alone, what differs is updated,
 * nothing is created twice, and nothing provisioning does not own (other roles, attributes, users) is
 * removed. Without the provisioning client's secret it does nothing and says so once.
 */
@ApplicationScoped
public class RealmProvisioning {

    private static final Logger LOG = Logger.getLogger(RealmProvisioning.class.getName());
    /** The demo operator of local runs and tests; made only where demo users get a password (never in production). */
    public static final String DEMO_OPERATOR = "opal";

    private KeycloakAdmin admin;
    private IdentitySettings settings;
    private RealmBlueprint blueprint;
    private final AtomicBoolean toldOff = new AtomicBoolean();

    /** For CDI's proxy only. */
    protected RealmProvisioning() {
    }

    @Inject
    public RealmProvisioning(KeycloakAdmin admin, IdentitySettings settings) {
        this.admin = admin;
        this.settings = settings;
        this.blueprint = new RealmBlueprint(settings);
    }

    /** The realm of one library system. Throws {@link IllegalStateException} naming the realm if Keycloak refuses. */
    public void provision(RealmSpec spec) {
        if (!enabled()) {
            return;
        }
        Changes changes = new Changes(spec.realm());
        changes.note("realm", admin.upsertRealm(blueprint.realm(spec.realm(), spec.displayName(),
                spec.idleLockSeconds())));
        changes.note("user profile", admin.updateUserProfile(spec.realm(), blueprint.userProfile(admin.userProfile(spec.realm()))));
        roles(spec.realm(), blueprint.roles(spec), changes);
        clients(spec.realm(), "/t/" + spec.realm(), changes);
        List<String> withoutPassword = new ArrayList<>();
        for (DemoUser user : spec.demoUsers()) {
            demoUser(spec.realm(), user, changes, withoutPassword);
        }
        if (!withoutPassword.isEmpty()) {
            LOG.warning(() -> "realm " + spec.realm() + ": demo users " + withoutPassword + " have no password and cannot "
                    + "sign in; set servicepoint.demo.password (SERVICEPOINT_DEMO_PASSWORD) to give them one");
        }
        changes.log();
    }

    /** The platform operators' realm: role {@value Realms#OPERATOR}, clients for the operator pages under /operator. */
    public void provisionOperatorRealm() {
        if (!enabled()) {
            return;
        }
        String realm = Realms.OPERATOR_REALM;
        Changes changes = new Changes(realm);
        changes.note("realm", admin.upsertRealm(blueprint.realm(realm, "ServicePoint operators",
                RealmSpec.DEFAULT_IDLE_LOCK_SECONDS)));
        changes.note("user profile", admin.updateUserProfile(realm, blueprint.userProfile(admin.userProfile(realm))));
        roles(realm, blueprint.operatorRoles(), changes);
        clients(realm, "/operator", changes);
        if (settings.demoPassword() != null) {
            demoOperator(realm, changes);
        }
        changes.log();
    }

    private boolean enabled() {
        if (settings.provisioningEnabled()) {
            return true;
        }
        if (toldOff.compareAndSet(false, true)) {
            LOG.warning("Keycloak realm provisioning is off: servicepoint.keycloak.admin.client-secret "
                    + "(SERVICEPOINT_KEYCLOAK_ADMIN_CLIENT_SECRET) is not set. Realms, clients and demo users are not created.");
        }
        return false;
    }

    private void roles(String realm, Map<String, String> roles, Changes changes) {
        roles.forEach((name, description) -> changes.note("role " + name, admin.upsertRole(realm, name, description)));
    }

    private void clients(String realm, String basePath, Changes changes) {
        client(realm, blueprint.webClient(basePath), changes);
        if (settings.testClient()) {
            client(realm, blueprint.testClient(true), changes);
        } else if (admin.client(realm, Realms.TEST_CLIENT).isPresent()) {
            // Switched off after it was on: disabled, not deleted, so the change shows in Keycloak's admin console.
            changes.note("client " + Realms.TEST_CLIENT, admin.upsertClient(realm, blueprint.testClient(false)).change());
        }
    }

    private void client(String realm, JsonObject representation, Changes changes) {
        String clientId = representation.getString("clientId");
        KeycloakAdmin.Upserted client = admin.upsertClient(realm, representation);
        changes.note("client " + clientId, client.change());
        for (JsonObject mapper : blueprint.protocolMappers()) {
            changes.note("mapper " + clientId + "/" + mapper.getString("name"),
                    admin.upsertProtocolMapper(realm, client.id(), mapper));
        }
    }

    private void demoUser(String realm, DemoUser user, Changes changes, List<String> withoutPassword) {
        KeycloakAdmin.Upserted account = admin.upsertUser(realm, blueprint.user(user));
        changes.note("user " + user.username(), account.change());

        Set<String> wanted = new LinkedHashSet<>(blueprint.realmRoles(user));
        List<String> current = admin.realmRoles(realm, account.id());
        List<String> missing = wanted.stream().filter(role -> !current.contains(role)).toList();
        List<String> surplus = current.stream().filter(Realms::isManagedRole).filter(role -> !wanted.contains(role)).toList();
        admin.assignRealmRoles(realm, account.id(), missing);
        admin.removeRealmRoles(realm, account.id(), surplus);
        if (!missing.isEmpty() || !surplus.isEmpty()) {
            changes.note("roles of " + user.username(), Change.UPDATED);
        }

        demoPassword(realm, account, user.username(), changes, withoutPassword);
    }

    /** Operators are not staff: no app roles, only {@value Realms#OPERATOR}, which the staff routine would not give. */
    private void demoOperator(String realm, Changes changes) {
        DemoUser user = new DemoUser(DEMO_OPERATOR, "Opal", null, null, List.of());
        KeycloakAdmin.Upserted account = admin.upsertUser(realm, blueprint.user(user));
        changes.note("user " + user.username(), account.change());
        if (!admin.realmRoles(realm, account.id()).contains(Realms.OPERATOR)) {
            admin.assignRealmRoles(realm, account.id(), List.of(Realms.OPERATOR));
            changes.note("roles of " + user.username(), Change.UPDATED);
        }
        demoPassword(realm, account, user.username(), changes, new ArrayList<>());
    }

    private void demoPassword(String realm, KeycloakAdmin.Upserted account, String username, Changes changes,
                              List<String> withoutPassword) {
        // Set once: resetting it on every start would change the credential each time for nothing.
        if (!admin.hasPassword(realm, account.id())) {
            if (settings.demoPassword() != null) {
                admin.setPassword(realm, account.id(), settings.demoPassword());
                changes.note("password of " + username, Change.CREATED);
            } else {
                withoutPassword.add(username);
            }
        }
    }

    /** Collects what one run changed, for a single log line. */
    private static final class Changes {
        private final String realm;
        private final List<String> made = new ArrayList<>();
        private int unchanged;

        Changes(String realm) {
            this.realm = realm;
        }

        void note(String what, Change change) {
            if (change == Change.UNCHANGED) {
                unchanged++;
            } else {
                made.add(change.name().toLowerCase(Locale.ROOT) + " " + what);
            }
        }

        void log() {
            if (made.isEmpty()) {
                LOG.info(() -> "realm " + realm + " is up to date (" + unchanged + " items checked)");
            } else {
                LOG.info(() -> "realm " + realm + ": " + String.join(", ", made) + "; " + unchanged + " unchanged");
            }
        }
    }
}
