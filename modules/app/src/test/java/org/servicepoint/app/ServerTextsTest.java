package org.servicepoint.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.servicepoint.platform.control.Refusal;
import org.servicepoint.platform.control.Text;
import org.servicepoint.platform.testing.MessageBundles;
import org.servicepoint.staffing.control.ShiftRules;

/**
 * Every text the server writes for staff has an English and a Spanish wording with the same {@code {n}} arguments,
 * and every key the modules' code names is in its module's bundle: a misspelt key would fail only on the wire.
 */
class ServerTextsTest {

    private static final List<String> WITH_TEXTS = List.of("platform", "bans", "confidentiality", "incidents", "staffing", "tenancy", "policies", "standards", "patronrequests");
    /** A statement that says words by key, up to its end, and a Bean Validation message written as a key. */
    private static final Pattern SAID = Pattern.compile("Text\\.of\\([^;]*|message = \"\\{[^\"]*");
    /** A string literal that is a message key: it starts with the module whose bundle holds it. */
    private static final Pattern KEY = Pattern.compile(
            "\"\\{?((?:platform|bans|confidentiality|identity|incidents|staffing|tenancy|policies|standards|patronrequests)\\.[a-z0-9-]+(?:\\.[a-z0-9-]+)*\\.?)");
    /** A refusal of a problem type of its own: {@code new Refusal("policy-strict", 409, …)}. */
    private static final Pattern REFUSAL_TYPE = Pattern.compile("new Refusal\\(\"[a-z-]+\"");
    private static final Locale ES_US = Locale.forLanguageTag("es-US");

    @Test
    void every_modules_bundle_says_each_key_in_english_and_spanish_with_the_same_arguments() {
        for (String module : WITH_TEXTS) {
            MessageBundles.assertComplete("org.servicepoint." + module + ".messages");
        }
    }

    @Test
    void every_key_the_code_names_is_in_its_modules_bundle() {
        List<String> missing = new ArrayList<>();
        TreeSet<String> named = keysInSources();
        assertThat(named).as("keys found in the modules' sources").hasSizeGreaterThan(150);
        for (String key : named) {
            if (key.endsWith(".")) {
                // A key completed at run time ("incidents.answer.string." + what): some key must start so.
                if (!prefixKnown(key)) {
                    missing.add(key + "*");
                }
                continue;
            }
            try {
                Text.of(key).english();
            } catch (MissingResourceException e) {
                missing.add(key);
            }
        }
        assertThat(missing).as("keys named in code but absent from their bundle").isEmpty();
    }

    @Test
    void every_problem_type_a_module_refuses_with_has_a_title_in_english_and_spanish() {
        TreeSet<String> types = inSources(REFUSAL_TYPE, Pattern.compile("\"([a-z-]+)\""));
        assertThat(types).as("problem types found in the modules' sources").contains("invalid-input", "policy-strict");
        for (Locale language : List.of(Locale.ROOT, ES_US)) {
            var titles = java.util.ResourceBundle.getBundle("org.servicepoint.platform.messages", language);
            assertThat(types).as("problem types without a title in " + language)
                    .allMatch(type -> titles.containsKey("problem." + type + ".title"));
        }
    }

    @Test
    void a_refusal_of_a_shift_date_is_spanish_for_a_spanish_reply_and_english_as_before() {
        try {
            ShiftRules.date("date", "2026-02-30");
            throw new AssertionError("a date that is not in the calendar was accepted");
        } catch (Refusal refusal) {
            assertThat(refusal.getMessage()).isEqualTo("date: \"2026-02-30\" is not a date of the calendar");
            assertThat(refusal.detail(ES_US)).isEqualTo("date: \"2026-02-30\" no es una fecha del calendario");
            assertThat(refusal.violations(ES_US).get(0).message()).isEqualTo("\"2026-02-30\" no es una fecha del calendario");
        }
    }

    private static boolean prefixKnown(String prefix) {
        String module = prefix.substring(0, prefix.indexOf('.'));
        return java.util.ResourceBundle.getBundle("org.servicepoint." + module + ".messages", Locale.ROOT).keySet().stream()
                .anyMatch(k -> k.startsWith(prefix));
    }

    private static TreeSet<String> keysInSources() {
        return inSources(SAID, KEY);
    }

    /** What {@code inner}'s first group finds inside each match of {@code outer} in the modules' main sources. */
    private static TreeSet<String> inSources(Pattern outer, Pattern inner) {
        TreeSet<String> keys = new TreeSet<>();
        Path modules = Path.of("..").toAbsolutePath().normalize();
        for (String module : List.of("platform", "bans", "confidentiality", "identity", "incidents", "staffing", "tenancy", "policies", "standards", "patron-requests")) {
            try (Stream<Path> files = Files.walk(modules.resolve(module).resolve("src/main/java"))) {
                files.filter(f -> f.toString().endsWith(".java")).forEach(f -> {
                    try {
                        Matcher said = outer.matcher(Files.readString(f));
                        while (said.find()) {
                            Matcher m = inner.matcher(said.group());
                            while (m.find()) {
                                keys.add(m.group(1));
                            }
                        }
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return keys;
    }
}
