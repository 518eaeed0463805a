package org.servicepoint.bans.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A ban's status follows the clock: it starts, is in force, and ends by itself; lifting ends it early. */
class ComputerUseBanTest {

    static final Instant START = Instant.parse("2026-04-01T14:00:00Z");
    static final Instant END = Instant.parse("2026-05-01T14:00:00Z");
    /** Reasons arrive sealed (the store seals them); the entity only needs them present. */
    static final byte[] SEALED = {1, 2, 3};

    static ComputerUseBan ban(BanScope scope, String branch) {
        return new ComputerUseBan(UUID.randomUUID(), UUID.randomUUID(), null, scope, branch, START, END, SEALED, null, "rosa",
                START.minusSeconds(3600));
    }

    @Test
    void upcoming_then_active_then_ended_as_the_end_passes() {
        ComputerUseBan ban = ban(BanScope.BRANCH, "NORTH");
        assertThat(ban.statusAt(START.minusNanos(1000))).isEqualTo(BanStatus.UPCOMING);
        assertThat(ban.statusAt(START)).isEqualTo(BanStatus.ACTIVE);
        assertThat(ban.statusAt(END.minusNanos(1000))).isEqualTo(BanStatus.ACTIVE);
        // The end is the first moment the patron may use a computer again.
        assertThat(ban.statusAt(END)).isEqualTo(BanStatus.ENDED);
        assertThat(ban.statusAt(END.plusSeconds(86_400 * 365L))).isEqualTo(BanStatus.ENDED);
    }

    @Test
    void a_branch_ban_applies_only_at_its_branch_and_a_system_ban_everywhere_while_in_force() {
        ComputerUseBan north = ban(BanScope.BRANCH, "NORTH");
        Instant during = START.plusSeconds(60);
        assertThat(north.appliesAt("NORTH", during)).isTrue();
        assertThat(north.appliesAt("SOUTH", during)).isFalse();
        assertThat(north.appliesAt("NORTH", END)).isFalse();
        assertThat(north.appliesAt("NORTH", START.minusSeconds(1))).isFalse();
        ComputerUseBan everywhere = ban(BanScope.SYSTEM, null);
        assertThat(everywhere.branchCode()).isNull();
        assertThat(everywhere.appliesAt("NORTH", during)).isTrue();
        assertThat(everywhere.appliesAt("SOUTH", during)).isTrue();
        assertThat(everywhere.appliesAt("SOUTH", END)).isFalse();
    }

    @Test
    void lifting_ends_it_early_once_and_never_after_it_ended() {
        ComputerUseBan ban = ban(BanScope.SYSTEM, null);
        Instant during = START.plusSeconds(60);
        ban.lift(during, "dee", SEALED);
        assertThat(ban.statusAt(during)).isEqualTo(BanStatus.LIFTED);
        assertThat(ban.appliesAt("NORTH", during.plusSeconds(1))).isFalse();
        assertThat(ban.liftedBy()).isEqualTo("dee");
        assertThatThrownBy(() -> ban.lift(during.plusSeconds(5), "dee", SEALED)).isInstanceOf(IllegalStateException.class);

        ComputerUseBan over = ban(BanScope.SYSTEM, null);
        assertThatThrownBy(() -> over.lift(END, "dee", SEALED)).isInstanceOf(IllegalStateException.class);
        // An upcoming ban may be lifted before it starts.
        ComputerUseBan upcoming = ban(BanScope.SYSTEM, null);
        upcoming.lift(START.minusSeconds(60), "dee", SEALED);
        assertThat(upcoming.statusAt(START.plusSeconds(60))).isEqualTo(BanStatus.LIFTED);
    }

    @Test
    void a_ban_keeps_its_own_invariants() {
        UUID patron = UUID.randomUUID();
        assertThatThrownBy(() -> new ComputerUseBan(UUID.randomUUID(), patron, null, BanScope.BRANCH, null, START, END, SEALED, null, "rosa", START))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ComputerUseBan(UUID.randomUUID(), patron, null, BanScope.SYSTEM, "NORTH", START, END, SEALED, null, "rosa", START))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ComputerUseBan(UUID.randomUUID(), patron, null, BanScope.SYSTEM, null, END, START, SEALED, null, "rosa", START))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ComputerUseBan(UUID.randomUUID(), patron, null, BanScope.SYSTEM, null, START, START, SEALED, null, "rosa", START))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ComputerUseBan(UUID.randomUUID(), null, null, BanScope.SYSTEM, null, START, END, SEALED, null, "rosa", START))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new ComputerUseBan(UUID.randomUUID(), patron, null, BanScope.SYSTEM, null, START, END, new byte[0], null, "rosa", START))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void times_are_kept_to_the_microsecond_as_postgresql_does() {
        ComputerUseBan ban = new ComputerUseBan(UUID.randomUUID(), UUID.randomUUID(), null, BanScope.SYSTEM, null, START.plusNanos(1_234_567),
                END, SEALED, null, "rosa", START);
        assertThat(ban.startsAt().toInstant()).isEqualTo(START.plusNanos(1_234_000));
    }
}
