package org.servicepoint.platform.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.MissingResourceException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.servicepoint.platform.testing.MessageBundles;

class MessagesTest {

    private static final String PLATFORM = "org.servicepoint.platform.messages";
    private static final Locale ES_US = Locale.forLanguageTag("es-US");

    @Test
    void the_platforms_bundle_is_complete_in_every_language() {
        MessageBundles.assertComplete(PLATFORM);
    }

    @Test
    void spanish_locales_read_the_spanish_bundle_and_others_the_english_base_whatever_the_jvm_speaks() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("es-ES"));
            assertThat(Messages.of(PLATFORM, ES_US).get("problem.not-found.title")).isEqualTo("No encontrado");
            assertThat(Messages.of(PLATFORM, Locale.forLanguageTag("es-MX")).get("problem.not-found.title")).isEqualTo("No encontrado");
            assertThat(Messages.of(PLATFORM, Locale.forLanguageTag("de-DE")).get("problem.not-found.title")).isEqualTo("Not found");
            assertThat(Messages.of(PLATFORM, Locale.US).get("problem.detail.fields-not-acceptable", "3"))
                    .isEqualTo("3 field(s) are not acceptable");
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void a_locale_without_texts_reads_its_fallback_language_in_its_own_region() {
        Locale canadianFrenchReadingSpanish = Messages.textLocale(Locale.forLanguageTag("fr-CA"), "es");

        assertThat(canadianFrenchReadingSpanish).isEqualTo(Locale.forLanguageTag("es-CA"));
        assertThat(Messages.of(PLATFORM, canadianFrenchReadingSpanish).get("problem.not-found.title")).isEqualTo("No encontrado");
        assertThat(Messages.textLocale(Locale.forLanguageTag("fr-CA"), "en")).isEqualTo(Locale.forLanguageTag("en-CA"));
        assertThat(Messages.textLocale(Locale.forLanguageTag("de"), "es")).as("no region").isEqualTo(Locale.forLanguageTag("es"));
    }

    @Test
    void a_locale_with_texts_keeps_them_whatever_its_fallback() {
        assertThat(Messages.textLocale(Locale.forLanguageTag("es-MX"), "en")).isEqualTo(Locale.forLanguageTag("es-MX"));
        assertThat(Messages.textLocale(Locale.forLanguageTag("en-GB"), "es")).isEqualTo(Locale.forLanguageTag("en-GB"));
        assertThat(Messages.of(PLATFORM, Messages.textLocale(Locale.forLanguageTag("es-MX"), "en")).get("problem.not-found.title"))
                .isEqualTo("No encontrado");
    }

    @Test
    void a_fallback_without_texts_of_its_own_or_none_at_all_is_english() {
        assertThat(Messages.textLocale(Locale.forLanguageTag("fr-CA"), "de")).isEqualTo(Locale.forLanguageTag("en-CA"));
        assertThat(Messages.textLocale(Locale.forLanguageTag("fr-CA"), null)).isEqualTo(Locale.forLanguageTag("en-CA"));
        assertThat(Messages.textLocale(null, "es")).isEqualTo(Locale.US);
    }

    @Test
    void a_missing_key_fails_loudly_unless_a_fallback_is_given() {
        Messages english = Messages.of(PLATFORM, Locale.US);
        assertThatThrownBy(() -> english.get("no.such.key")).isInstanceOf(MissingResourceException.class);
        assertThat(english.getOrDefault("no.such.key", "as given")).isEqualTo("as given");
    }

    @Test
    void dates_are_written_for_the_locale_in_the_given_zone() {
        Instant noonUtc = Instant.parse("2026-03-10T12:00:00Z");
        ZoneId chicago = ZoneId.of("America/Chicago");
        assertThat(Messages.of(PLATFORM, Locale.US).dateTime(noonUtc, chicago)).contains("Mar 10, 2026").contains("7:00");
        assertThat(Messages.of(PLATFORM, ES_US).dateTime(noonUtc, chicago)).contains("mar").contains("2026").contains("7:00")
                .doesNotContain("Mar 10");
    }

    @Test
    void only_a_single_language_without_weights_counts_as_a_staff_members_choice() {
        assertThat(Messages.chosen("es-US")).contains(ES_US);
        assertThat(Messages.chosen("en")).contains(Locale.ENGLISH);
        assertThat(Messages.chosen("en-US,en;q=0.9")).isEmpty();
        assertThat(Messages.chosen("es-US;q=0.8")).isEmpty();
        assertThat(Messages.chosen("fr-FR")).isEmpty();
        assertThat(Messages.chosen(null)).isEmpty();
        assertThat(Messages.chosen("x".repeat(500))).isEmpty();
    }

    @Test
    void the_bundle_check_names_a_key_that_one_language_lacks(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("probe.properties"), "a=A\nb=B {0}\n", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("probe_es.properties"), "a=A\nc=C\n", StandardCharsets.UTF_8);
        ClassLoader before = Thread.currentThread().getContextClassLoader();
        try (java.net.URLClassLoader loader = new java.net.URLClassLoader(new java.net.URL[] {dir.toUri().toURL()}, before)) {
            assertThatThrownBy(() -> MessageBundles.assertComplete("probe", loader))
                    .hasMessageContaining("es lacks b").hasMessageContaining("es has c, which the English base lacks");
        }
    }
}
