package org.servicepoint.confidentiality.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.servicepoint.confidentiality.control.ConfidentialityDatabase.CONFIDENTIALITY;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.servicepoint.confidentiality.control.RetentionStore.Purged;
import org.servicepoint.platform.control.AuditLog;
import org.servicepoint.platform.control.Caller;
import org.servicepoint.platform.entity.TenantId;

/**
 * The purge's once-a-night record on real PostgreSQL, as the application role: two instances purging the same library
 * system in the same night purge it once, even when the second asks while the first is still at work; the next night
 * purges again; a purge that fails and rolls back leaves the night to another instance.
 */
class RetentionPurgeNightsDatabaseTest {

    static final Instant NOW = Instant.parse("2030-01-01T03:00:00Z");
    static final List<String> audited = new CopyOnWriteArrayList<>();
    static final AuditLog audit = new AuditLog() {
        @Override
        public void success(TenantId tenant, Caller caller, String action, String target, String detail) {
            audited.add(tenant.value() + " " + action);
        }
    };

    static Optional<Purged> purge(String tenant, LocalDate night) {
        return CONFIDENTIALITY.inTenant(tenant, em -> Retention.purgeNight(em, TenantId.of(tenant), night, audit, List.of(),
                List.of(), NOW));
    }

    static long purges(String tenant) {
        return audited.stream().filter(line -> line.equals(tenant + " retention.purge")).count();
    }

    @Test
    void two_instances_purging_the_same_night_purge_once_even_while_the_first_is_still_at_work() throws Exception {
        String tenant = "night-two";
        LocalDate night = LocalDate.of(2030, 1, 1);
        CountDownLatch recorded = new CountDownLatch(1);
        // The first instance records the night and keeps its transaction open for a moment, as a long purge would.
        CompletableFuture<Optional<Purged>> first = CompletableFuture.supplyAsync(() -> CONFIDENTIALITY.inTenant(tenant, em -> {
            Optional<Purged> purged = Retention.purgeNight(em, TenantId.of(tenant), night, audit, List.of(), List.of(), NOW);
            recorded.countDown();
            sleep(1500);
            return purged;
        }));
        assertThat(recorded.await(30, TimeUnit.SECONDS)).isTrue();
        Optional<Purged> second = purge(tenant, night);

        assertThat(first.get(30, TimeUnit.SECONDS)).isPresent();
        assertThat(second).isEmpty();
        assertThat(purge(tenant, night)).as("a third look the same night").isEmpty();
        assertThat(purges(tenant)).isEqualTo(1);

        assertThat(purge(tenant, night.plusDays(1))).as("the next night").isPresent();
        assertThat(purges(tenant)).isEqualTo(2);
        assertThat(purge("night-other", night)).as("another library system the same night").isPresent();
    }

    @Test
    void a_purge_that_fails_leaves_the_night_to_another_instance() {
        String tenant = "night-failed";
        LocalDate night = LocalDate.of(2030, 2, 1);
        assertThatThrownBy(() -> CONFIDENTIALITY.inTenant(tenant, em -> {
            Retention.purgeNight(em, TenantId.of(tenant), night, audit, List.of(), List.of(), NOW);
            throw new IllegalStateException("the purge failed after it recorded the night");
        })).hasMessageContaining("the purge failed");

        assertThat(purge(tenant, night)).isPresent();
        assertThat(purge(tenant, night)).isEmpty();
    }

    @Test
    void the_time_of_day_is_hours_and_minutes_and_a_wrong_one_keeps_three_oclock() {
        assertThat(RetentionPurge.time("00:30")).hasHour(0).hasMinute(30);
        assertThat(RetentionPurge.time("half past three")).isEqualTo(RetentionPurge.DEFAULT_TIME);
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
