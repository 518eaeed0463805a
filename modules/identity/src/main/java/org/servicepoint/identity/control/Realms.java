package org.servicepoint.identity.control;

import java.util.List;
import org.servicepoint.platform.control.Roles;

/**
 * The names other code relies on: realms, clients, roles and token claims (see modules/identity/README.md).
 */
public final class Realms {

    /** The platform operators' realm; every other realm is a library system named by its slug. */
    public static final String OPERATOR_REALM = "servicepoint-operators";
    public static final String OPERATOR = Roles.OPERATOR;

    /** Browser sign-in: authorization code with PKCE. */
    public static final String WEB_CLIENT = "servicepoint-web";
    /** Password grant for tests and local demos; only where switched on. */
    public static final String TEST_CLIENT = "servicepoint-tests";
    /** The audience every access token for the application carries. */
    public static final String API_AUDIENCE = "servicepoint-api";

    public static final String STAFF = "staff";
    public static final String PERSON_IN_CHARGE = "person-in-charge";
    public static final String HEADQUARTERS = "headquarters";
    public static final String TENANT_ADMIN = "tenant-admin";
    public static final List<String> APP_ROLES = List.of(STAFF, PERSON_IN_CHARGE, HEADQUARTERS, TENANT_ADMIN);

    public static final String POSITION_ROLE_PREFIX = "position:";

    /** User attributes, and the access/ID token claims of the same names. */
    public static final String TAG_NAME = "tag_name";
    public static final String POSITION = "position";
    public static final String BRANCH = "branch";
    public static final List<String> CLAIMS = List.of(TAG_NAME, POSITION, BRANCH);
    /** User attribute (no claim): the roster entry an account belongs to, so no second entry can take it over. */
    public static final String ROSTER_ID = "roster_id";

    private Realms() {
    }

    public static String positionRole(String positionCode) {
        return POSITION_ROLE_PREFIX + positionCode;
    }

    /** Realm roles provisioning owns on a user: added and taken away to match the spec. Others are left alone. */
    static boolean isManagedRole(String role) {
        return APP_ROLES.contains(role) || role.startsWith(POSITION_ROLE_PREFIX);
    }
}
