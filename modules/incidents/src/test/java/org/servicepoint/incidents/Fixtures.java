package org.servicepoint.incidents;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.servicepoint.confidentiality.control.KeyRing;
import org.servicepoint.confidentiality.control.TextSeal;
import org.servicepoint.incidents.delivery.control.DeliveryStore;
import org.servicepoint.incidents.forms.control.FormDefinition;
import org.servicepoint.incidents.forms.control.Library;
import org.servicepoint.incidents.reports.control.DeliveryTrail;
import org.servicepoint.incidents.reports.control.IncidentReportStore;
import org.servicepoint.incidents.reports.control.ReportView;
import org.servicepoint.incidents.reports.control.SignatureChain;
import org.servicepoint.incidents.reports.control.StaffDirectory;
import org.servicepoint.platform.control.Caller;
import org.servicepoint.platform.control.Roles;
import org.servicepoint.platform.entity.TenantId;

/** A small library system and the people who work there, for the tests. */
public final class Fixtures {

    public static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-10T20:00:00Z"), ZoneOffset.UTC);
    public static final ZoneId ZONE = ZoneId.of("America/Chicago");
    public static final UUID WITNESS = UUID.fromString("0b7e3c2a-1111-4e5f-9a1b-000000000001");
    /** The smallest form the database tests publish: where it happened, and theft, the last category (to add to). */
    public static final String THEFT_FORM = """
            fields:
              - {key: location, label: Where, type: text, required: true}
            categories:
              - code: theft
            """;

    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();
    private static final Map<String, byte[]> DATA_KEYS = new java.util.concurrent.ConcurrentHashMap<>();
    private static final Map<String, byte[]> NEXT_DATA_KEYS = new java.util.concurrent.ConcurrentHashMap<>();

    private Fixtures() {
    }

    /**
     * The tenant's data key as confidentiality keeps it (one random key per tenant for this test JVM), without its
     * tables: real AES-GCM sealing, bound to tenant, table, column and row.
     */
    public static TextSeal seal(String tenant) {
        byte[] key = DATA_KEYS.computeIfAbsent(tenant, t -> {
            byte[] raw = new byte[32];
            RANDOM.nextBytes(raw);
            return raw;
        });
        return KeyRing.ofDataKeys(TenantId.of(tenant), Map.of(1, key), 1, RANDOM);
    }

    /** The same tenant after a data key rotation: version 1 retired (it still opens), a new version 2 seals. */
    public static KeyRing rotatedSeal(String tenant) {
        seal(tenant);
        return KeyRing.ofDataKeys(TenantId.of(tenant), Map.of(1, DATA_KEYS.get(tenant), 2, nextKey(tenant)), 2, RANDOM);
    }

    /** After the rotation, with version 1 gone altogether: only what version 2 sealed opens. */
    public static KeyRing onlyNewKey(String tenant) {
        return KeyRing.ofDataKeys(TenantId.of(tenant), Map.of(2, nextKey(tenant)), 2, RANDOM);
    }

    private static byte[] nextKey(String tenant) {
        return NEXT_DATA_KEYS.computeIfAbsent(tenant, t -> {
            byte[] raw = new byte[32];
            RANDOM.nextBytes(raw);
            return raw;
        });
    }

    public static Library library(String slug) {
        Map<String, String> branches = new LinkedHashMap<>();
        branches.put("HQ", "Headquarters Library");
        branches.put("NORTH", "North Branch");
        branches.put("SOUTH", "South Branch");
        Map<String, Library.Position> positions = new LinkedHashMap<>();
        positions.put("volunteer", new Library.Position("volunteer", "Volunteer", Set.of()));
        positions.put("library-assistant", new Library.Position("library-assistant", "Library assistant", Set.of(Library.SIGN)));
        positions.put("branch-manager", new Library.Position("branch-manager", "Branch manager",
                Set.of(Library.SIGN, Library.COUNTERSIGN, Library.RECEIVE)));
        positions.put("business-manager", new Library.Position("business-manager", "Business manager", Set.of(Library.RECEIVE)));
        positions.put("director", new Library.Position("director", "Director", Set.of(Library.SIGN, Library.COUNTERSIGN, Library.RECEIVE)));
        return new Library(slug, "Library system " + slug, ZONE, Locale.US, branches, positions);
    }

    public static Caller staff(String tenant, String username, String position, String branch, String... roles) {
        Set<String> all = new java.util.HashSet<>(Set.of(roles));
        all.add(Roles.STAFF);
        return Caller.staff(username, TenantId.of(tenant), all, Map.of("tag_name", "Tag " + username, "position", position, "branch", branch));
    }

    public static Caller assistant(String tenant) {
        return staff(tenant, "sam", "library-assistant", "NORTH");
    }

    public static Caller volunteer(String tenant) {
        return staff(tenant, "kit", "volunteer", "NORTH");
    }

    public static Caller northManager(String tenant) {
        return staff(tenant, "rosa", "branch-manager", "NORTH", Roles.PERSON_IN_CHARGE);
    }

    public static Caller southManager(String tenant) {
        return staff(tenant, "lee", "branch-manager", "SOUTH", Roles.PERSON_IN_CHARGE);
    }

    public static Caller headquarters(String tenant) {
        return staff(tenant, "dee", "director", "HQ", Roles.PERSON_IN_CHARGE, Roles.HEADQUARTERS, Roles.TENANT_ADMIN);
    }

    /** The report workflow for the tenant as the application wires it, on the fixed clock. */
    public static IncidentReportStore reports(String tenant) {
        return new IncidentReportStore(TenantId.of(tenant), library(tenant), CLOCK, seal(tenant), deliveries());
    }

    /** The outbox as reports read it, as the application wires it (delivery implements reports' interface). */
    public static DeliveryTrail deliveries() {
        return DeliveryStore.reading(CLOCK);
    }

    public static StaffDirectory roster() {
        return id -> WITNESS.equals(id) ? Optional.of("Zoë") : Optional.empty();
    }

    /** A signed report as the PDF and the mails get it, without a database. */
    public static ReportView report(String description) {
        return report(description, new ReportView.Person("sam", "Sam", "library-assistant", "Library assistant"));
    }

    public static ReportView report(String description, ReportView.Person sam) {
        OffsetDateTime at = OffsetDateTime.parse("2026-03-10T13:30:00-05:00");
        List<FormDefinition.Field> questions = List.of(
                new FormDefinition.Field("description", "What happened", "long-text", true, null, 20000, null),
                new FormDefinition.Field("hurt", "Anyone hurt", "yes-no", false, null, null, null));
        return new ReportView(UUID.randomUUID(), "submitted", "theft", "Theft", "NORTH", "North Branch", at, 1, "f".repeat(64), sam,
                Map.of("description", description, "hurt", true), Map.of(), List.of(), null, List.of(),
                List.of(new ReportView.Signature(1, "reporter", sam, at, "1".repeat(64), SignatureChain.GENESIS, "2".repeat(64))),
                new ReportView.Steps(false, false, false, false, true, false, false, false), questions, List.of(), List.of(), List.of(),
                at, at, at, null, null, null, null, List.of(), 3);
    }

    /** CLDR writes some spaces in dates as no-break spaces; the words are what is checked here. */
    public static String spaced(String text) {
        return text.replace('\u00a0', ' ').replace('\u202f', ' ');
    }
}
