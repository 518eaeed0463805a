package org.servicepoint.tenancy.control;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.servicepoint.platform.entity.TenantOwned;
import org.servicepoint.platform.testing.TestDatabase;
import org.servicepoint.tenancy.control.TenantFiles.Verdict;
import org.servicepoint.tenancy.entity.TenantFile;

/**
 * The rule of decision 0014 on real PostgreSQL, connected as the application role (so row-level security binds too):
 * an unchanged file is skipped, a changed one is applied unless the app edited what it declares since, the plan tells
 * who edited and when, and an explicit apply records the new content and clears the edit.
 */
class TenantFilesDatabaseTest {

    static final String EAST = "files-east";
    static final String WEST = "files-west";
    static final Instant EDITED = Instant.parse("2026-12-04T09:30:00Z");

    static TestDatabase db;
    static EntityManagerFactory emf;

    @BeforeAll
    static void start() throws SQLException {
        db = TestDatabase.migratedWith("platform", "tenancy");
        try (Connection c = db.superuser().getConnection(); Statement s = c.createStatement()) {
            for (String slug : List.of(EAST, WEST)) {
                s.executeUpdate("insert into tenant (slug, name, time_zone, locale, status, created_at, updated_at) values ('"
                        + slug + "', '" + slug + "', 'UTC', 'en-US', 'ACTIVE', now(), now()) on conflict do nothing");
            }
        }
        emf = Persistence.createEntityManagerFactory("tenancy-test", Map.of(
                "jakarta.persistence.jdbc.url", db.url(),
                "jakarta.persistence.jdbc.user", TestDatabase.APP,
                "jakarta.persistence.jdbc.password", ""));
    }

    @AfterAll
    static void stop() {
        emf.close();
    }

    /** One transaction as one library system, both walls up: EclipseLink's filter and row-level security. */
    static <T> T as(String tenant, Function<EntityManager, T> work) {
        EntityManager em = emf.createEntityManager();
        em.setProperty(TenantOwned.TENANT_PROPERTY, tenant);
        try {
            em.getTransaction().begin();
            em.createNativeQuery("select set_config('app.tenant_id', ?1, true)").setParameter(1, tenant).getSingleResult();
            T result = work.apply(em);
            em.getTransaction().commit();
            return result;
        } finally {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
            em.close();
        }
    }

    static String fileName() {
        return "policies-" + UUID.randomUUID().toString().substring(0, 8) + ".yaml";
    }

    static Verdict verdict(String tenant, String file, String content) {
        return as(tenant, em -> TenantFiles.verdict(TenantFiles.find(em, file), content));
    }

    static Optional<TenantFile> state(String tenant, String file) {
        Function<EntityManager, Optional<TenantFile>> find = em -> TenantFiles.find(em, file);
        return as(tenant, find);
    }

    static Optional<String> drift(String tenant, String file) {
        return state(tenant, file).flatMap(f -> TenantFiles.drift(Optional.of(f)));
    }

    static void applied(String tenant, String file, String content) {
        as(tenant, em -> {
            TenantFiles.applied(em, file, content, Instant.now(), "system");
            return null;
        });
    }

    static void edited(String tenant, String file, String by) {
        as(tenant, em -> {
            TenantFiles.edited(em, file, EDITED, by);
            return null;
        });
    }

    @Test
    void a_file_never_applied_is_applied() {
        assertThat(verdict(EAST, fileName(), "policies: []\n")).isEqualTo(Verdict.APPLY);
    }

    @Test
    void a_file_with_the_content_last_applied_is_skipped_even_after_an_edit_in_the_app() {
        String file = fileName();
        applied(EAST, file, "policies: []\n");
        assertThat(verdict(EAST, file, "policies: []\n")).isEqualTo(Verdict.UNCHANGED);
        edited(EAST, file, "dee");
        assertThat(verdict(EAST, file, "policies: []\n")).isEqualTo(Verdict.UNCHANGED);
        assertThat(verdict(EAST, file, "policies: [] \n")).isEqualTo(Verdict.EDITED_IN_APP);
    }

    @Test
    void a_changed_file_is_applied_when_the_app_edited_nothing_since() {
        String file = fileName();
        applied(EAST, file, "first\n");
        assertThat(verdict(EAST, file, "second\n")).isEqualTo(Verdict.APPLY);
    }

    @Test
    void a_changed_file_over_an_app_edit_is_refused_and_the_plan_names_editor_and_day() {
        String file = fileName();
        applied(EAST, file, "first\n");
        edited(EAST, file, "dee");
        assertThat(verdict(EAST, file, "second\n")).isEqualTo(Verdict.EDITED_IN_APP);
        assertThat(drift(EAST, file))
                .hasValue("edited in the app by dee on 2026-12-04 (since " + file + " was last applied)");
    }

    @Test
    void an_edit_before_any_apply_also_keeps_a_file_out() {
        String file = fileName();
        edited(EAST, file, "dee");
        assertThat(verdict(EAST, file, "anything\n")).isEqualTo(Verdict.EDITED_IN_APP);
    }

    @Test
    void an_explicit_apply_records_the_new_content_and_clears_the_edit() throws SQLException {
        String file = fileName();
        applied(EAST, file, "first\n");
        edited(EAST, file, "dee");
        applied(EAST, file, "second\n");
        assertThat(verdict(EAST, file, "second\n")).isEqualTo(Verdict.UNCHANGED);
        assertThat(verdict(EAST, file, "third\n")).isEqualTo(Verdict.APPLY);
        TenantFile state = state(EAST, file).orElseThrow();
        assertThat(state.editedInApp()).isFalse();
        assertThat(state.appliedSha256()).hasValue(TenantFiles.sha256("second\n"));
        assertThat(drift(EAST, file)).isEmpty();
        try (Connection c = db.superuser().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select tenant_id, applied_sha256, edited_by from tenant_file where file_name = '"
                     + file + "'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo(EAST);
            assertThat(rs.getString(2)).isEqualTo(TenantFiles.sha256("second\n"));
            assertThat(rs.getString(3)).isNull();
            assertThat(rs.next()).isFalse();
        }
    }

    @Test
    void one_library_systems_record_is_not_another_ones() {
        String file = fileName();
        applied(EAST, file, "same\n");
        edited(EAST, file, "dee");
        assertThat(state(WEST, file)).isEmpty();
        assertThat(verdict(WEST, file, "same\n")).isEqualTo(Verdict.APPLY);
        applied(WEST, file, "other\n");
        assertThat(verdict(EAST, file, "same\n")).isEqualTo(Verdict.UNCHANGED);
        assertThat(verdict(EAST, file, "other\n")).isEqualTo(Verdict.EDITED_IN_APP);
    }
}
