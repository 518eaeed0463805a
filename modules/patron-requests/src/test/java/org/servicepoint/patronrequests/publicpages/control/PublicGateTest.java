package org.servicepoint.patronrequests.publicpages.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.servicepoint.platform.control.Settings;
import org.servicepoint.platform.testing.TestClock;

/** The gate of the public pages, on its own: what it lets through and what it refuses, before any database. */
class PublicGateTest {

    static final Instant NOW = Instant.parse("2026-12-03T15:00:00Z");
    final TestClock clock = new TestClock(NOW);
    final PublicGate gate = new PublicGate(Settings.of(Map.of("servicepoint.public-pages.secret", secret(),
            "servicepoint.public-pages.per-address", "3", "servicepoint.public-pages.per-branch", "5")), clock);

    static String secret() {
        byte[] raw = new byte[32];
        new SecureRandom().nextBytes(raw);
        return Base64.getEncoder().encodeToString(raw);
    }

    static byte[] form(Map<String, String> values) {
        return values.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&")).getBytes(StandardCharsets.US_ASCII);
    }

    Map<String, String> card(String token) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("token", token);
        values.put("website", "");
        values.put("kind", "praise");
        values.put("text", "The new reading room is lovely. ¡Gracias!");
        return values;
    }

    String servedSecondsAgo(long seconds) {
        clock.at(NOW.minusSeconds(seconds));
        String token = gate.token("riverbend", "pine-hollow", "comment");
        clock.at(NOW);
        return token;
    }

    @Test
    void aFormFilledInByAPersonPassesWithItsValues() {
        PublicGate.Outcome outcome = gate.admit("192.0.2.1", "riverbend", "pine-hollow", "comment", form(card(servedSecondsAgo(30))));

        assertThat(outcome).isInstanceOf(PublicGate.Admitted.class);
        PublicGate.Admitted admitted = (PublicGate.Admitted) outcome;
        assertThat(admitted.values()).containsEntry("text", "The new reading room is lovely. ¡Gracias!");
        assertThat(admitted.errors()).isEmpty();
    }

    @Test
    void aFormSentWithinThreeSecondsOfBeingServedIsRefused() {
        assertThat(gate.admit("192.0.2.1", "riverbend", "pine-hollow", "comment", form(card(servedSecondsAgo(1)))))
                .isEqualTo(new PublicGate.Refused("patronrequests.public.refused.too-fast"));
    }

    @Test
    void aFormServedHoursAgoIsRefused() {
        assertThat(gate.admit("192.0.2.1", "riverbend", "pine-hollow", "comment", form(card(servedSecondsAgo(5 * 3600)))))
                .isEqualTo(new PublicGate.Refused("patronrequests.public.refused.expired"));
    }

    @Test
    void aTokenOfAnotherBranchOrLibraryOrFormOrAForgedOneIsRefused() {
        String token = servedSecondsAgo(30);
        PublicGate.Refused invalid = new PublicGate.Refused("patronrequests.public.refused.invalid");
        assertThat(gate.admit("192.0.2.1", "riverbend", "mossy-creek", "comment", form(card(token)))).isEqualTo(invalid);
        assertThat(gate.admit("192.0.2.2", "hollis-college", "pine-hollow", "comment", form(card(token)))).isEqualTo(invalid);
        assertThat(gate.admit("192.0.2.3", "riverbend", "pine-hollow", "reconsider", form(card(token)))).isEqualTo(invalid);
        String forged = (NOW.getEpochSecond() - 3600) + token.substring(token.indexOf('.'));
        assertThat(gate.admit("192.0.2.4", "riverbend", "pine-hollow", "comment", form(card(forged)))).isEqualTo(invalid);
        assertThat(gate.admit("192.0.2.5", "riverbend", "pine-hollow", "comment", form(card("")))).isEqualTo(invalid);
    }

    @Test
    void aTokenOfAServerWithAnotherSecretIsRefused() {
        PublicGate other = new PublicGate(Settings.of(Map.of("servicepoint.public-pages.secret", secret())), clock);
        clock.at(NOW.minusSeconds(30));
        String token = other.token("riverbend", "pine-hollow", "comment");
        clock.at(NOW);

        assertThat(gate.admit("192.0.2.1", "riverbend", "pine-hollow", "comment", form(card(token))))
                .isEqualTo(new PublicGate.Refused("patronrequests.public.refused.invalid"));
    }

    @Test
    void aFilledInHoneypotIsRefused() {
        Map<String, String> values = card(servedSecondsAgo(30));
        values.put("website", "http://spam.example");

        assertThat(gate.admit("192.0.2.1", "riverbend", "pine-hollow", "comment", form(values)))
                .isEqualTo(new PublicGate.Refused("patronrequests.public.refused.invalid"));
    }

    @Test
    void markupInAnyFieldIsNamedAsAnErrorOfThatField() {
        Map<String, String> values = card(servedSecondsAgo(30));
        values.put("text", "<script>alert(1)</script>");
        values.put("name", "Ana > Bob");

        PublicGate.Admitted admitted = (PublicGate.Admitted) gate.admit("192.0.2.1", "riverbend", "pine-hollow", "comment", form(values));

        assertThat(admitted.errors()).containsOnlyKeys("text", "name").containsValue(org.servicepoint.platform.control.Text.of(PublicGate.MARKUP));
    }

    @Test
    void aBodyThatIsNotFormEncodingIsRefused() {
        String token = servedSecondsAgo(30);
        PublicGate.Refused malformed = new PublicGate.Refused("patronrequests.public.refused.malformed");
        assertThat(gate.admit("192.0.2.1", "riverbend", "pine-hollow", "comment", "text=%zz".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo(malformed);
        assertThat(gate.admit("192.0.2.2", "riverbend", "pine-hollow", "comment",
                ("token=" + token + "&text=a&text=b").getBytes(StandardCharsets.US_ASCII))).isEqualTo(malformed);
        assertThat(gate.admit("192.0.2.3", "riverbend", "pine-hollow", "comment", "text=caf\u00e9".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(malformed);
        assertThat(gate.admit("192.0.2.4", "riverbend", "pine-hollow", "comment", "text=a%00b".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo(malformed);
        assertThat(gate.admit("192.0.2.5", "riverbend", "pine-hollow", "comment", "a=1&".repeat(31).getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo(malformed);
    }

    @Test
    void anAddressPastItsLimitIsToldToWaitWhateverItSendsUntilTheWindowEnds() {
        String token = servedSecondsAgo(30);
        for (int i = 0; i < 3; i++) {
            assertThat(gate.admit("192.0.2.9", "riverbend", "pine-hollow", "comment", form(card(token)))).isInstanceOf(PublicGate.Admitted.class);
        }
        PublicGate.Outcome fourth = gate.admit("192.0.2.9", "riverbend", "pine-hollow", "comment", form(card(token)));
        assertThat(fourth).isInstanceOf(PublicGate.Limited.class);
        assertThat(((PublicGate.Limited) fourth).retryAfter()).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(10));
        assertThat(gate.admit("192.0.2.9", "riverbend", "pine-hollow", "comment", "garbage".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(PublicGate.Limited.class);

        clock.at(NOW.plus(Duration.ofMinutes(10)));
        assertThat(gate.admit("192.0.2.9", "riverbend", "mossy-creek", "comment", form(card(gate.token("riverbend", "mossy-creek", "comment")))))
                .isInstanceOf(PublicGate.Refused.class);
    }

    @Test
    void aBranchPastItsLimitRefusesEveryAddress() {
        String token = servedSecondsAgo(30);
        for (int i = 0; i < 5; i++) {
            assertThat(gate.admit("198.51.100." + i, "riverbend", "pine-hollow", "comment", form(card(token))))
                    .isInstanceOf(PublicGate.Admitted.class);
        }
        assertThat(gate.admit("198.51.100.77", "riverbend", "pine-hollow", "comment", form(card(token)))).isInstanceOf(PublicGate.Limited.class);
        assertThat(gate.admit("198.51.100.78", "riverbend", "mossy-creek", "comment", form(card(token))))
                .isNotInstanceOf(PublicGate.Limited.class);
    }

    @Test
    void theLimitsRememberABoundedNumberOfSourcesAndNoAddress() {
        SubmissionLimits limits = new SubmissionLimits(1, 1_000_000, Duration.ofMinutes(10), 100);
        FormTokens tokens = new FormTokens(Base64.getDecoder().decode(secret()), Duration.ofSeconds(3), Duration.ofHours(4));
        for (int i = 0; i < 10_000; i++) {
            limits.attempt(tokens.addressKey("10.0." + (i / 256) + "." + (i % 256)), "riverbend/pine-hollow", NOW);
        }
        assertThat(limits.size()).isLessThanOrEqualTo(100);
        assertThat(tokens.addressKey("10.0.0.1")).doesNotContain("10.0.0.1").isEqualTo(tokens.addressKey("10.0.0.1"))
                .isNotEqualTo(tokens.addressKey("10.0.0.2"));
    }
}
