package org.servicepoint.platform.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.servicepoint.platform.testing.WallChecks.bind;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.SharedCacheMode;
import jakarta.persistence.ValidationMode;
import jakarta.persistence.spi.ClassTransformer;
import jakarta.persistence.spi.PersistenceUnitInfo;
import jakarta.persistence.spi.PersistenceUnitTransactionType;
import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TimeZone;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.servicepoint.platform.control.AuditChain.Break;
import org.servicepoint.platform.control.AuditChain.Kind;
import org.servicepoint.platform.control.AuditChain.Verification;
import org.servicepoint.platform.entity.AuditEvent;
import org.servicepoint.platform.entity.AuditEvent.Outcome;
import org.servicepoint.platform.entity.TenantId;
import org.servicepoint.platform.entity.TenantOwned;
import org.servicepoint.platform.testing.TestDatabase;

/**
 * The audit log's guarantees live in the database: per-tenant visibility, append-only, and a hash chain per
 * tenant that shows exactly where a line was changed or removed by someone who got round the first two.
 */
class AuditLogDatabaseTest {

    static TestDatabase db;
    static EntityManagerFactory owner;

    @BeforeAll
    static void database() {
        db = TestDatabase.migratedWith("platform");
        owner = entityManagers(db.url());
    }

    @AfterAll
    static void close() {
        owner.close();
    }

    @Test
    void the_application_sees_and_writes_only_its_tenants_lines() throws SQLException {
        try (Connection c = db.app().getConnection()) {
            c.setAutoCommit(false);
            bind(c, "alpha-lib");
            insert(c, "alpha-lib");
            c.commit();
            bind(c, "beta-lib");
            insert(c, "beta-lib");
            c.commit();

            bind(c, "alpha-lib");
            assertThat(tenantsVisible(c)).containsOnly("alpha-lib");
            assertThatThrownBy(() -> insert(c, "beta-lib")).hasMessageContaining("row-level security");
            c.rollback();

            // The setting is transaction-local: a new transaction with no tenant sees nothing.
            assertThat(tenantsVisible(c)).isEmpty();
            c.rollback();
        }
    }

    @Test
    void lines_cannot_be_changed_or_removed_even_by_the_owner() throws SQLException {
        try (Connection c = db.app().getConnection()) {
            c.setAutoCommit(false);
            bind(c, "gamma-lib");
            insert(c, "gamma-lib");
            c.commit();
            bind(c, "gamma-lib");
            assertThatThrownBy(() -> c.createStatement().executeUpdate("update audit_event set actor = 'x'"))
                    .hasMessageContaining("permission denied");
            c.rollback();
            bind(c, "gamma-lib");
            assertThatThrownBy(() -> c.createStatement().executeUpdate("delete from audit_event"))
                    .hasMessageContaining("permission denied");
            c.rollback();
        }
        try (Connection owner = db.owner().getConnection(); Statement s = owner.createStatement()) {
            // Row-level security is forced, so the owner too must bind the tenant to reach its lines.
            s.execute("select set_config('app.tenant_id', 'gamma-lib', false)");
            assertThatThrownBy(() -> s.executeUpdate("update audit_event set actor = 'x' where tenant_id = 'gamma-lib'"))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> s.executeUpdate("delete from audit_event where tenant_id = 'gamma-lib'"))
                    .hasMessageContaining("append-only");
        }
    }

    @Test
    void every_tenant_has_its_own_intact_chain_numbered_from_one() {
        TimeZone zone = TimeZone.getDefault();
        try {
            // Far from UTC, so a time zone slip between Java, EclipseLink and PostgreSQL would show.
            TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Chatham"));
            for (int i = 1; i <= 5; i++) {
                write(owner, "chain-north", "line " + i);
                write(owner, "chain-south", i == 2 ? null : "ligne " + i + " \u00e9\u00e8 \ud83d\udcda");
            }
        } finally {
            TimeZone.setDefault(zone);
        }
        for (String tenant : List.of("chain-north", "chain-south")) {
            Verification result = verify(tenant, 2);
            assertThat(result.intact()).as(tenant).isTrue();
            assertThat(result.checked()).isEqualTo(5);
            assertThat(result.firstBreak()).isNull();
            assertThat(result.headSeq()).isEqualTo(5);
            assertThat(result.headHash()).matches("[0-9a-f]{64}");
        }
        assertThat(verify("chain-empty", 10)).isEqualTo(new Verification("chain-empty", 0, true, null, 0, AuditChain.GENESIS));
    }

    @Test
    void text_postgresql_would_refuse_or_alter_is_made_safe_before_it_is_hashed() {
        AuditEvent odd = write(owner, "chain-odd", "nul\u0000 lone\ud800 cut pair \ud83d\udcda" + "x".repeat(3977) + "\ud83d\udcda");
        assertThat(odd.detail()).startsWith("nul\ufffd lone\ufffd cut pair \ud83d\udcda").hasSize(4000).endsWith("x\ufffd");
        assertThat(verify("chain-odd", 10).intact()).isTrue();
    }

    @Test
    void the_stored_time_is_the_hashed_time_and_the_sql_twin_agrees_with_java() throws SQLException {
        AuditEvent written = write(owner, "chain-twin", "one");
        write(owner, "chain-twin", null);
        try (Connection c = db.superuser().getConnection();
             ResultSet rs = c.createStatement().executeQuery("select id, occurred_at, hash, audit_event_hash(prev_hash, tenant_id, "
                     + "seq, occurred_at, actor, action, target, outcome, detail, request_id) from audit_event "
                     + "where tenant_id = 'chain-twin' order by seq")) {
            int lines = 0;
            while (rs.next()) {
                lines++;
                if (rs.getLong(1) == written.id()) {
                    assertThat(rs.getObject(2, OffsetDateTime.class).toInstant()).isEqualTo(written.occurredAt());
                }
                assertThat(rs.getString(4)).isEqualTo(rs.getString(3));
            }
            assertThat(lines).isEqualTo(2);
        }
    }

    @Test
    void one_changed_byte_is_found_at_its_line_and_other_tenants_stay_intact() throws SQLException {
        for (int i = 1; i <= 6; i++) {
            write(owner, "chain-edited", "detail " + i);
            write(owner, "chain-bystander", "detail " + i);
        }
        asAttacker("update audit_event set detail = 'detail 9' where tenant_id = 'chain-edited' and seq = 4");

        Verification edited = verify("chain-edited", 3);
        assertThat(firstBreak(edited, 4, Kind.CONTENT_CHANGED).id()).isEqualTo(idOf("chain-edited", 4));
        assertThat(edited.checked()).isEqualTo(4);
        assertThat(edited.headSeq()).isEqualTo(3);
        assertThat(verify("chain-bystander", 3).intact()).isTrue();
    }

    @Test
    void a_removed_line_is_found_where_the_numbers_jump() throws SQLException {
        for (int i = 1; i <= 5; i++) {
            write(owner, "chain-cut", "detail " + i);
        }
        asAttacker("delete from audit_event where tenant_id = 'chain-cut' and seq = 3");

        Verification cut = verify("chain-cut", 2);
        Break gap = firstBreak(cut, 4, Kind.SEQUENCE_GAP);
        assertThat(gap.explanation()).isEqualTo("line 3 is missing");
        assertThat(gap.id()).isEqualTo(idOf("chain-cut", 4));
    }

    @Test
    void renumbering_and_rehashing_after_a_removal_still_breaks_the_link() throws SQLException {
        for (int i = 1; i <= 5; i++) {
            write(owner, "chain-covered", "detail " + i);
        }
        // A careful attacker closes the gap and gives the moved lines fresh content hashes, but cannot make
        // line 3 carry the hash of line 2 without rewriting every later link as well.
        asAttacker("delete from audit_event where tenant_id = 'chain-covered' and seq = 3; "
                + "update audit_event set seq = seq - 1 where tenant_id = 'chain-covered' and seq > 3; "
                + "update audit_event set hash = audit_event_hash(prev_hash, tenant_id, seq, occurred_at, actor, action, "
                + "target, outcome, detail, request_id) where tenant_id = 'chain-covered' and seq >= 3");

        Verification covered = verify("chain-covered", 100);
        firstBreak(covered, 3, Kind.PREVIOUS_LINK_BROKEN);
    }

    @Test
    void lines_written_before_the_chain_existed_are_chained_by_the_migration() throws SQLException {
        TestDatabase legacy = TestDatabase.empty();
        DataSource legacyOwner = legacy.owner();
        migratePlatform(legacyOwner, "1");
        try (Connection c = legacyOwner.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("insert into audit_event (tenant_id, occurred_at, actor, action, target, outcome, detail, request_id) values "
                    + "('old-west', '2025-03-01 10:00:00.123456+00', 'staff:ann', 'branch.create', 'b/1', 'SUCCESS', 'first', 'r-1'), "
                    + "('old-east', '2025-03-01 10:00:01+02', 'system:system', 'tenant.create', 't', 'SUCCESS', null, null), "
                    + "('old-west', '2025-03-02 11:30:00.000001+00', 'operator:key', 'branch.update', 'b/1', 'REFUSED', 'caf\u00e9 \u2713', null)");
        }
        migratePlatform(legacyOwner, "latest");

        EntityManagerFactory migrated = entityManagers(legacy.url());
        try {
            write(migrated, "old-west", "after the migration");
            EntityManager west = as(migrated, "old-west");
            Verification result = AuditChain.verify(west, TenantId.of("old-west"), 10);
            west.close();
            assertThat(result.intact()).isTrue();
            assertThat(result.checked()).isEqualTo(3);
            EntityManager east = as(migrated, "old-east");
            assertThat(AuditChain.verify(east, TenantId.of("old-east"), 10).checked()).isEqualTo(1);
            east.close();
        } finally {
            migrated.close();
        }
    }

    /** Platform migrations up to a version, as {@link SchemaMigrator} runs them. */
    static void migratePlatform(DataSource owner, String target) {
        Flyway.configure(AuditLogDatabaseTest.class.getClassLoader())
                .dataSource(owner)
                .locations("classpath:db/migration/platform")
                .table("schema_history_platform")
                .placeholders(Map.of("app_role", TestDatabase.APP))
                .target(target)
                .load()
                .migrate();
    }

    /** What {@link AuditLog} does inside its transaction, without the container. */
    static AuditEvent write(EntityManagerFactory factory, String tenant, String detail) {
        EntityManager em = as(factory, tenant);
        em.getTransaction().begin();
        AuditEvent event = new AuditEvent("staff:tester", "test.write", "thing/1", Outcome.SUCCESS, detail, "req-" + tenant);
        AuditChain.append(em, TenantId.of(tenant), event);
        em.persist(event);
        em.flush();
        em.getTransaction().commit();
        em.close();
        return event;
    }

    /** The first break a check found, which must be at line {@code seq} and of {@code kind}: the chain is not intact. */
    static Break firstBreak(Verification verification, long seq, Kind kind) {
        assertThat(verification.intact()).isFalse();
        assertThat(verification.firstBreak().seq()).isEqualTo(seq);
        assertThat(verification.firstBreak().kind()).isEqualTo(kind);
        return verification.firstBreak();
    }

    static Verification verify(String tenant, int pageSize) {
        EntityManager em = as(owner, tenant);
        try {
            return AuditChain.verify(em, TenantId.of(tenant), pageSize);
        } finally {
            em.close();
        }
    }

    static EntityManager as(EntityManagerFactory factory, String tenant) {
        EntityManager em = factory.createEntityManager();
        em.setProperty(TenantOwned.TENANT_PROPERTY, tenant);
        return em;
    }

    /** Someone with a superuser's rights, who bypasses row-level security and switches off the trigger. */
    static void asAttacker(String sql) throws SQLException {
        try (Connection c = db.superuser().getConnection(); Statement s = c.createStatement()) {
            s.execute("alter table audit_event disable trigger audit_event_append_only");
            try {
                s.execute(sql);
            } finally {
                s.execute("alter table audit_event enable trigger audit_event_append_only");
            }
        }
    }

    static long idOf(String tenant, long seq) throws SQLException {
        try (Connection c = db.superuser().getConnection();
             PreparedStatement p = c.prepareStatement("select id from audit_event where tenant_id = ? and seq = ?")) {
            p.setString(1, tenant);
            p.setLong(2, seq);
            try (ResultSet rs = p.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getLong(1);
            }
        }
    }

    /**
     * EclipseLink as the superuser (row-level security does not bind it), so wall 1 alone separates the
     * tenants here. The platform ships no persistence.xml of its own (the WAR declares the units), hence a
     * unit described in code.
     */
    static EntityManagerFactory entityManagers(String url) {
        Properties properties = new Properties();
        properties.putAll(Map.of(
                "jakarta.persistence.jdbc.driver", "org.postgresql.Driver",
                "jakarta.persistence.jdbc.url", url,
                "jakarta.persistence.jdbc.user", TestDatabase.SUPERUSER,
                "jakarta.persistence.jdbc.password", "",
                "eclipselink.target-database", "PostgreSQL",
                "eclipselink.jdbc.allow-native-sql-queries", "true",
                "eclipselink.weaving", "false",
                "eclipselink.logging.level", "WARNING",
                "eclipselink.ddl-generation", "none",
                "eclipselink.session.customizer", "org.servicepoint.platform.entity.TenantGuard"));
        URL root = AuditEvent.class.getProtectionDomain().getCodeSource().getLocation();
        PersistenceUnitInfo unit = new PersistenceUnitInfo() {
            public String getPersistenceUnitName() { return "platform-test"; }
            public String getPersistenceProviderClassName() { return "org.eclipse.persistence.jpa.PersistenceProvider"; }
            public PersistenceUnitTransactionType getTransactionType() { return PersistenceUnitTransactionType.RESOURCE_LOCAL; }
            public DataSource getJtaDataSource() { return null; }
            public DataSource getNonJtaDataSource() { return null; }
            public List<String> getMappingFileNames() { return List.of(); }
            public List<URL> getJarFileUrls() { return List.of(); }
            public URL getPersistenceUnitRootUrl() { return root; }
            public List<String> getManagedClassNames() { return List.of(TenantOwned.class.getName(), AuditEvent.class.getName()); }
            public boolean excludeUnlistedClasses() { return true; }
            public SharedCacheMode getSharedCacheMode() { return SharedCacheMode.NONE; }
            public ValidationMode getValidationMode() { return ValidationMode.NONE; }
            public Properties getProperties() { return properties; }
            public String getPersistenceXMLSchemaVersion() { return "3.0"; }
            public ClassLoader getClassLoader() { return AuditLogDatabaseTest.class.getClassLoader(); }
            public void addTransformer(ClassTransformer transformer) { }
            public ClassLoader getNewTempClassLoader() { return AuditLogDatabaseTest.class.getClassLoader(); }
        };
        return new org.eclipse.persistence.jpa.PersistenceProvider().createContainerEntityManagerFactory(unit, properties);
    }

    /** A chained line in plain SQL: the next number, the last hash, and the SQL twin of the hash. */
    static void insert(Connection c, String tenant) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("with arg as (select ?::text as tenant), "
                + "line as (select arg.tenant, date_trunc('microseconds', now()) as at, "
                + "(select coalesce(max(seq), 0) + 1 from audit_event a where a.tenant_id = arg.tenant) as seq, "
                + "coalesce((select hash from audit_event a where a.tenant_id = arg.tenant order by seq desc limit 1), "
                + "repeat('0', 64)) as prev from arg) "
                + "insert into audit_event (tenant_id, occurred_at, actor, action, target, outcome, seq, prev_hash, hash) "
                + "select tenant, at, 'system:test', 'test.write', 'x', 'SUCCESS', seq, prev, "
                + "audit_event_hash(prev, tenant, seq, at, 'system:test', 'test.write', 'x', 'SUCCESS', null, null) from line")) {
            p.setString(1, tenant);
            p.executeUpdate();
        }
    }

    static java.util.Set<String> tenantsVisible(Connection c) throws SQLException {
        java.util.Set<String> tenants = new java.util.HashSet<>();
        try (ResultSet rs = c.createStatement().executeQuery("select tenant_id from audit_event")) {
            while (rs.next()) {
                tenants.add(rs.getString(1));
            }
        }
        return tenants;
    }
}
