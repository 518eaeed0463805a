// Over 400 lines on purpose: one mechanism: rows generated from the catalogue, then both walls checked on every table
// found; the generator and the checks belong together.
package org.servicepoint.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;
import static org.servicepoint.platform.testing.WallChecks.bind;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.servicepoint.platform.control.ModuleSchema;
import org.servicepoint.platform.testing.TestDatabase;

/**
 * Both tenant walls on every tenant table, found rather than listed: after every module's migrations, each table
 * of the schema with a {@code tenant_id} column is checked as the application role (wall 2 alone, plain SQL), and
 * each JPA entity mapped on such a table must carry EclipseLink's tenant discriminator (wall 1). A new table or
 * entity without its wall fails here without anyone having to remember to list it.
 *
 * <p>It lives in the app module because only the assembled application sees every module's migrations and
 * entities. Rows are generated from the catalogue (column types, NOT NULL, CHECK constraints) and seeded as the
 * superuser with {@code session_replication_role = replica}, so foreign keys and triggers do not need parents.
 */
class TenantWallsTest {

    static final String A = "walls-a";
    static final String B = "walls-b";
    /** The standard predicate as PostgreSQL prints it back, for a varchar or a text column. */
    static final Pattern TENANT_PREDICATE = Pattern.compile(
            "\\(\\(?tenant_id\\)?(::text)? = current_setting\\('app\\.tenant_id'::text, true\\)\\)");

    static JavaClasses classes;
    static TestDatabase db;
    static Map<String, TenantTable> tables;

    /** One tenant table: its columns, and the generated values of each tenant's seeded row. */
    record TenantTable(String name, List<Column> columns, Map<String, List<String>> seeded) {
    }

    record Column(String name, String type, boolean notNull, List<String> candidates) {
    }

    @BeforeAll
    static void everyModuleMigratedAndEveryTenantTableSeeded() throws SQLException {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages("org.servicepoint");
        db = TestDatabase.migratedWith(modules().toArray(String[]::new));
        try (Connection c = db.superuser().getConnection(); Statement s = c.createStatement()) {
            for (String tenant : List.of(A, B)) {
                s.executeUpdate("insert into tenant (slug, name, time_zone, locale, status, created_at, updated_at) values ('"
                        + tenant + "', '" + tenant + "', 'UTC', 'en', 'ACTIVE', now(), now()) on conflict do nothing");
            }
            tables = new TreeMap<>();
            for (String name : tenantTables(c)) {
                TenantTable table = new TenantTable(name, columns(c, name), new LinkedHashMap<>());
                for (String tenant : List.of(A, B)) {
                    table.seeded().put(tenant, seed(c, table, tenant));
                }
                tables.put(name, table);
            }
        }
    }

    /** Every module that has migrations, in the order the application runs them, found by their {@link ModuleSchema}. */
    static List<String> modules() {
        return classes.stream()
                .filter(c -> c.isAssignableTo(ModuleSchema.class) && !c.isInterface())
                .map(c -> {
                    try {
                        return (ModuleSchema) c.reflect().getDeclaredConstructor().newInstance();
                    } catch (ReflectiveOperationException e) {
                        throw new IllegalStateException(c.getName(), e);
                    }
                })
                .sorted(Comparator.comparingInt(ModuleSchema::order))
                .map(ModuleSchema::name)
                .toList();
    }

    static List<String> tenantTables(Connection c) throws SQLException {
        List<String> names = new ArrayList<>();
        try (ResultSet rs = c.createStatement().executeQuery("select cl.relname from pg_class cl "
                + "join pg_attribute a on a.attrelid = cl.oid and a.attname = 'tenant_id' and not a.attisdropped "
                + "where cl.relkind in ('r', 'p') and cl.relnamespace = 'public'::regnamespace order by 1")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    @Test
    void the_discovery_finds_the_tenant_tables_of_every_module() {
        assertThat(modules()).startsWith("platform").contains("tenancy", "confidentiality", "staffing", "incidents", "bans", "policies",
                "standards", "patron_requests");
        // One table of each module, and the ones no test covered before: found, not listed.
        assertThat(tables.keySet()).contains("audit_event", "branch", "patron_reference", "escalation", "staff_notice",
                "incident_delivery", "computer_use_ban", "policy", "policy_version", "policy_acknowledgement", "standards_adoption",
                "training_answer", "patron_contact", "patron_request_rules",
                "complaint", "complaint_step", "matter_update", "matter_follow_up",
                "comment_card", "comment_card_step", "comment_card_number",
                "reconsideration", "reconsideration_step", "reconsideration_number",
                "call_back", "call_back_step", "call_back_number", "tenant_file");
    }

    @TestFactory
    Stream<DynamicNode> every_tenant_table_keeps_tenants_apart_by_row_level_security_alone() {
        return tables.values().stream().map(table -> dynamicContainer(table.name(), List.of(
                dynamicTest("row-level security is enabled and forced, so it binds the owner too", () -> enabledAndForced(table)),
                dynamicTest("every permissive policy is exactly the tenant predicate", () -> policyIsTheTenantPredicate(table)),
                dynamicTest("the table belongs to the owner, not to the application role", () -> ownedByTheOwner(table)),
                dynamicTest("a tenant's rows are invisible to another tenant, even asked by name", () -> invisibleToAnother(table)),
                dynamicTest("with no tenant bound nothing is visible", () -> nothingVisibleUnbound(table)),
                dynamicTest("a row written for another tenant is refused", () -> insertForAnotherRefused(table)),
                dynamicTest("updating or deleting another tenant's rows changes nothing", () -> updateAndDeleteChangeNothing(table)),
                dynamicTest("moving a row to another tenant is refused or changes nothing", () -> moveRefused(table)))));
    }

    @TestFactory
    Stream<DynamicNode> every_entity_on_a_tenant_table_carries_the_tenant_discriminator() {
        List<JavaClass> entities = classes.stream().filter(c -> c.isAnnotatedWith(Entity.class)).toList();
        List<DynamicNode> checks = new ArrayList<>();
        for (JavaClass entity : entities) {
            Class<?> type = entity.reflect();
            Table mapped = type.getAnnotation(Table.class);
            String table = (mapped != null && !mapped.name().isEmpty() ? mapped.name() : type.getSimpleName()).toLowerCase(Locale.ROOT);
            if (tables.containsKey(table)) {
                checks.add(dynamicTest(type.getSimpleName() + " on " + table + " is multitenant by tenant_id",
                        () -> multitenantByTenantId(type)));
            }
        }
        assertThat(checks).as("entities found on tenant tables").hasSizeGreaterThanOrEqualTo(10);
        return checks.stream();
    }

    static void multitenantByTenantId(Class<?> type) {
        Multitenant multitenant = null;
        TenantDiscriminatorColumn column = null;
        for (Class<?> c = type; c != null && multitenant == null; c = c.getSuperclass()) {
            multitenant = c.getAnnotation(Multitenant.class);
            column = c.getAnnotation(TenantDiscriminatorColumn.class);
        }
        assertThat(multitenant).as(type.getName() + " has @Multitenant (e.g. by extending TenantOwned)").isNotNull();
        assertThat(multitenant.value()).isEqualTo(MultitenantType.SINGLE_TABLE);
        assertThat(column).as(type.getName() + " has @TenantDiscriminatorColumn").isNotNull();
        assertThat(column.name()).isEqualTo("tenant_id");
        assertThat(column.contextProperty()).isEqualTo("eclipselink.tenant-id");
    }

    // ---- wall 2, table by table ----------------------------------------------------------------------------------

    /** What PostgreSQL's catalogue says about a table, row by row. */
    @FunctionalInterface
    interface CatalogueRows {
        void read(ResultSet rs) throws SQLException;
    }

    /** Runs a catalogue query whose one parameter is the table's name, as the superuser, who may read all of it. */
    static void catalogue(String sql, TenantTable table, CatalogueRows rows) throws SQLException {
        try (Connection c = db.superuser().getConnection(); PreparedStatement p = c.prepareStatement(sql)) {
            p.setString(1, table.name());
            try (ResultSet rs = p.executeQuery()) {
                rows.read(rs);
            }
        }
    }

    static void enabledAndForced(TenantTable table) throws SQLException {
        catalogue("select relrowsecurity, relforcerowsecurity from pg_class where relname = ? and relnamespace = 'public'::regnamespace",
                table, rs -> {
                    rs.next();
                    assertThat(rs.getBoolean(1)).as("row-level security enabled on " + table.name()).isTrue();
                    assertThat(rs.getBoolean(2)).as("row-level security forced on " + table.name()).isTrue();
                });
    }

    static void policyIsTheTenantPredicate(TenantTable table) throws SQLException {
        catalogue("select policyname, permissive, cmd, qual, with_check from pg_policies where schemaname = 'public' and tablename = ?",
                table, rs -> {
                    int permissive = 0;
                    while (rs.next()) {
                        if (!"PERMISSIVE".equals(rs.getString(2))) {
                            continue; // a restrictive policy can only narrow what the permissive ones allow
                        }
                        permissive++;
                        String policy = table.name() + "." + rs.getString(1);
                        assertThat(rs.getString(3)).as(policy + " applies to every command").isEqualTo("ALL");
                        assertThat(rs.getString(4)).as(policy + " using").matches(TENANT_PREDICATE);
                        if (rs.getString(5) != null) { // without one, PostgreSQL checks new rows with the using expression
                            assertThat(rs.getString(5)).as(policy + " with check").matches(TENANT_PREDICATE);
                        }
                    }
                    assertThat(permissive).as("permissive policies on " + table.name()).isPositive();
                });
    }

    static void ownedByTheOwner(TenantTable table) throws SQLException {
        catalogue("select pg_get_userbyid(relowner) from pg_class where relname = ? and relnamespace = 'public'::regnamespace",
                table, rs -> {
                    rs.next();
                    assertThat(rs.getString(1)).isEqualTo(TestDatabase.OWNER);
                });
    }

    static void invisibleToAnother(TenantTable table) throws SQLException {
        try (Connection c = db.app().getConnection()) {
            c.setAutoCommit(false);
            bind(c, A);
            Integer own = countOrDenied(c, "select count(*) from " + table.name());
            c.rollback();
            bind(c, B);
            Integer other = countOrDenied(c, "select count(*) from " + table.name() + " where tenant_id = '" + A + "'");
            Integer foreign = countOrDenied(c, "select count(*) from " + table.name() + " where tenant_id <> '" + B + "'");
            c.rollback();
            if (own == null) {
                assertThat(other).as("the application may not read " + table.name() + " at all").isNull();
                return;
            }
            // The seeded row is there for its own tenant, so "nothing of A's" below means something.
            assertThat(own).as(A + "'s rows seen by " + A).isPositive();
            assertThat(other).as(A + "'s rows seen by " + B).isZero();
            assertThat(foreign).as("rows of any tenant but " + B + " seen by " + B).isZero();
        }
    }

    static void nothingVisibleUnbound(TenantTable table) throws SQLException {
        try (Connection c = db.app().getConnection()) {
            Integer visible = countOrDenied(c, "select count(*) from " + table.name());
            if (visible != null) {
                assertThat(visible).isZero();
            }
        }
    }

    static void insertForAnotherRefused(TenantTable table) throws SQLException {
        String before = snapshot(table, A);
        List<String> values = new ArrayList<>(table.seeded().get(A));
        for (int i = 0; i < values.size(); i++) {
            if (table.columns().get(i).type().equals("uuid") && values.get(i) != null) {
                values.set(i, UUID.randomUUID().toString());
            }
        }
        try (Connection c = db.app().getConnection()) {
            c.setAutoCommit(false);
            bind(c, B);
            try (PreparedStatement p = c.prepareStatement(insertSql(table))) {
                fill(p, values);
                p.executeUpdate();
                fail("the application role bound to " + B + " wrote a row of " + A + " into " + table.name());
            } catch (SQLException refused) {
                assertThat(refused.getMessage()).as(table.name())
                        .containsAnyOf("violates row-level security policy", "permission denied");
            }
            c.rollback();
        }
        assertThat(snapshot(table, A)).as("re-counted as the superuser").isEqualTo(before);
    }

    static void updateAndDeleteChangeNothing(TenantTable table) throws SQLException {
        String before = snapshot(table, A);
        String any = table.columns().get(0).name();
        try (Connection c = db.app().getConnection()) {
            c.setAutoCommit(false);
            for (String sql : List.of("update " + table.name() + " set " + any + " = " + any + " where tenant_id = '" + A + "'",
                    "update " + table.name() + " set tenant_id = '" + B + "' where tenant_id = '" + A + "'",
                    "delete from " + table.name() + " where tenant_id = '" + A + "'")) {
                bind(c, B);
                try {
                    assertThat(c.createStatement().executeUpdate(sql)).as(sql).isZero();
                    // Committed, so that a change that slipped through would show in the re-count below.
                    c.commit();
                } catch (SQLException refused) {
                    assertThat(refused.getMessage()).as(sql).contains("permission denied");
                    c.rollback();
                }
            }
        }
        assertThat(snapshot(table, A)).as("re-counted as the superuser").isEqualTo(before);
    }

    static void moveRefused(TenantTable table) throws SQLException {
        String before = snapshot(table, A) + snapshot(table, B);
        try (Connection c = db.app().getConnection()) {
            c.setAutoCommit(false);
            bind(c, B);
            try {
                int moved = c.createStatement().executeUpdate("update " + table.name() + " set tenant_id = '" + A + "'");
                c.commit();
                assertThat(moved).as("rows of " + table.name() + " moved from " + B + " to " + A).isZero();
            } catch (SQLException refused) {
                // Refused by the policy's check, by a missing grant, or by the table's own trigger first.
                c.rollback();
            }
        }
        assertThat(snapshot(table, A) + snapshot(table, B)).as("re-counted as the superuser").isEqualTo(before);
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    /** The count, or null when the application role may not read the table at all (which hides it as well). */
    static Integer countOrDenied(Connection c, String sql) throws SQLException {
        c.createStatement().execute(c.getAutoCommit() ? "select 1" : "savepoint probe");
        try (ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        } catch (SQLException e) {
            if (!e.getMessage().contains("permission denied")) {
                throw e;
            }
            if (!c.getAutoCommit()) {
                c.createStatement().execute("rollback to savepoint probe");
            }
            return null;
        }
    }

    /** A tenant's rows of the table as text, read as the superuser (whom row-level security does not bind). */
    static String snapshot(TenantTable table, String tenant) throws SQLException {
        try (Connection c = db.superuser().getConnection();
             ResultSet rs = c.createStatement().executeQuery("select count(*), coalesce(string_agg(t::text, '|' order by t::text), '') from "
                     + table.name() + " t where tenant_id = '" + tenant + "'")) {
            rs.next();
            return rs.getInt(1) + ":" + rs.getString(2);
        }
    }

    static String insertSql(TenantTable table) {
        StringBuilder names = new StringBuilder();
        StringBuilder values = new StringBuilder();
        for (Column column : table.columns()) {
            names.append(names.isEmpty() ? "" : ", ").append(column.name());
            values.append(values.isEmpty() ? "" : ", ").append("?::").append(column.type());
        }
        return "insert into " + table.name() + " (" + names + ") values (" + values + ")";
    }

    static void fill(PreparedStatement p, List<String> values) throws SQLException {
        for (int i = 0; i < values.size(); i++) {
            p.setString(i + 1, values.get(i));
        }
    }

    /** The columns a row must be given: all but those with a default (identities, versions) and generated ones. */
    static List<Column> columns(Connection c, String table) throws SQLException {
        Map<String, Set<String>> literals = new LinkedHashMap<>();
        try (PreparedStatement p = c.prepareStatement("select pg_get_constraintdef(oid) from pg_constraint "
                + "where conrelid = ?::regclass and contype = 'c'")) {
            p.setString(1, table);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    String check = rs.getString(1);
                    List<String> found = new ArrayList<>();
                    Matcher quoted = Pattern.compile("'([^']*)'").matcher(check);
                    while (quoted.find()) {
                        found.add(quoted.group(1));
                    }
                    Matcher number = Pattern.compile("(?<![\\w'])(\\d+)(?![\\w'])").matcher(check);
                    while (number.find()) {
                        found.add(number.group(1));
                    }
                    Matcher word = Pattern.compile("\\b([a-z_][a-z0-9_]*)\\b").matcher(check);
                    while (word.find()) {
                        literals.computeIfAbsent(word.group(1), k -> new LinkedHashSet<>()).addAll(found);
                    }
                }
            }
        }
        List<Column> columns = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement("select a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull, "
                + "a.atthasdef or a.attidentity <> '' or a.attgenerated <> '', "
                + "case when a.atttypmod > 4 then a.atttypmod - 4 else 0 end "
                + "from pg_attribute a where a.attrelid = ?::regclass and a.attnum > 0 and not a.attisdropped order by a.attnum")) {
            p.setString(1, table);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    if (rs.getBoolean(4)) {
                        continue;
                    }
                    String name = rs.getString(1);
                    String type = rs.getString(2);
                    columns.add(new Column(name, type, rs.getBoolean(3),
                            candidates(type, rs.getInt(5), literals.getOrDefault(name, Set.of()))));
                }
            }
        }
        return columns;
    }

    /** Values worth trying for a column of this type; "?uuid" stands for a fresh UUID each time. */
    static List<String> candidates(String type, int length, Set<String> fromChecks) {
        List<String> values = new ArrayList<>();
        if (type.equals("uuid")) {
            values.add("?uuid");
        } else if (type.startsWith("character") || type.equals("text")) {
            fromChecks.stream().filter(v -> !v.matches("\\d+")).forEach(values::add);
            values.add("x");
            values.add("a".repeat(length > 0 ? Math.min(length, 64) : 64));
        } else if (type.equals("boolean")) {
            values.addAll(List.of("true", "false"));
        } else if (type.equals("smallint") || type.equals("integer") || type.equals("bigint") || type.startsWith("numeric")) {
            values.addAll(List.of("1", "2"));
            fromChecks.stream().filter(v -> v.matches("\\d+")).forEach(values::add);
        } else if (type.startsWith("timestamp")) {
            values.addAll(List.of("2026-01-01 08:00", "2026-01-02 09:00", "2026-01-03 10:00"));
        } else if (type.equals("date")) {
            values.addAll(List.of("2026-01-01", "2026-01-02", "2026-01-03"));
        } else if (type.startsWith("time")) {
            values.addAll(List.of("08:00", "12:00", "17:00"));
        } else if (type.equals("bytea")) {
            values.add("\\x01");
        } else if (type.equals("jsonb") || type.equals("json")) {
            values.add("{}");
        } else {
            values.add("x");
        }
        return values;
    }

    /**
     * One row of the tenant, as the superuser with triggers and foreign keys switched off for the session: a random
     * search over the candidates until the CHECK and NOT NULL constraints hold. Returns the values written.
     */
    static List<String> seed(Connection c, TenantTable table, String tenant) throws SQLException {
        Random random = new Random(table.name().hashCode() * 31L + tenant.hashCode());
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            s.execute("set session_replication_role = replica");
            SQLException last = null;
            for (int attempt = 0; attempt < 20_000; attempt++) {
                List<String> values = new ArrayList<>();
                for (Column column : table.columns()) {
                    if (column.name().equals("tenant_id")) {
                        values.add(tenant);
                        continue;
                    }
                    int options = column.candidates().size() + (column.notNull() ? 0 : 1);
                    int pick = random.nextInt(options);
                    String value = pick == column.candidates().size() ? null : column.candidates().get(pick);
                    values.add("?uuid".equals(value) ? UUID.randomUUID().toString() : value);
                }
                s.execute("savepoint seed");
                try (PreparedStatement p = c.prepareStatement(insertSql(table))) {
                    fill(p, values);
                    p.executeUpdate();
                    c.commit();
                    return values;
                } catch (SQLException e) {
                    last = e;
                    s.execute("rollback to savepoint seed");
                }
            }
            throw new IllegalStateException("could not generate a row of " + table.name() + "; last refusal: "
                    + (last == null ? "none" : last.getMessage()));
        } finally {
            c.rollback();
            try (Statement s = c.createStatement()) {
                s.execute("set session_replication_role = origin");
            }
            c.setAutoCommit(true);
        }
    }
}
