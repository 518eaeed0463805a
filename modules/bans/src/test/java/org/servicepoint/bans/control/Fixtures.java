package org.servicepoint.bans.control;

import java.time.Instant;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.servicepoint.platform.control.Caller;
import org.servicepoint.platform.control.Roles;
import org.servicepoint.platform.entity.TenantId;
import org.servicepoint.tenancy.control.TenantOutline;
import org.servicepoint.tenancy.control.TenantOutline.BranchName;

/** A small library system with three branches and the people who work there. */
public final class Fixtures {

    public static final ZoneId ZONE = ZoneId.of("America/Chicago");
    /** 2026-03-10 15:00 in Chicago (daylight saving time began on 8 March). */
    public static final Instant NOW = Instant.parse("2026-03-10T20:00:00Z");

    private Fixtures() {
    }

    public static TenantOutline library() {
        return new TenantOutline("bans-fixture", "Fixture Library System", ZONE.getId(), "en-US", "ACTIVE",
                List.of(new BranchName("HQ", "Headquarters Library", true), new BranchName("NORTH", "North Branch", false),
                        new BranchName("SOUTH", "South Branch", false)), List.of());
    }

    public static Caller staff(String tenant, String username, String branch, String... roles) {
        Set<String> all = new HashSet<>(Set.of(roles));
        all.add(Roles.STAFF);
        Map<String, String> attributes = branch == null ? Map.of() : Map.of("branch", branch);
        return Caller.staff(username, TenantId.of(tenant), all, attributes);
    }

    /** Desk staff at North. */
    public static Caller desk(String tenant) {
        return staff(tenant, "sam", "NORTH");
    }

    /** The branch manager at North. */
    public static Caller northManager(String tenant) {
        return staff(tenant, "rosa", "NORTH", Roles.PERSON_IN_CHARGE);
    }

    public static Caller southManager(String tenant) {
        return staff(tenant, "sol", "SOUTH", Roles.PERSON_IN_CHARGE);
    }

    /** The director at headquarters: in charge, headquarters and tenant administrator. */
    public static Caller director(String tenant) {
        return staff(tenant, "dee", "HQ", Roles.PERSON_IN_CHARGE, Roles.HEADQUARTERS, Roles.TENANT_ADMIN);
    }

    public static NewBan branchBan(UUID patron, String branch, String endsAt) {
        return new NewBan(null, null, patron, null, "branch", branch, null, endsAt, "Viewed violent material at a public computer",
                null);
    }

    public static NewBan systemBan(UUID patron, String endsAt) {
        return new NewBan(null, null, patron, null, "system", null, null, endsAt, "Threatened staff at the computer desk", null);
    }
}
