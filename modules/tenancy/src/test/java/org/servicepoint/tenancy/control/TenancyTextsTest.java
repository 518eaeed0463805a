package org.servicepoint.tenancy.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.servicepoint.platform.testing.Refusals.refusalOf;
import static org.servicepoint.tenancy.control.TenantRulesTest.bookmobile;
import static org.servicepoint.tenancy.control.TenantRulesTest.branch;
import static org.servicepoint.tenancy.control.TenantRulesTest.mainBranch;
import static org.servicepoint.tenancy.control.TenantRulesTest.stop;
import static org.servicepoint.tenancy.control.TenantRulesTest.tenant;
import static org.servicepoint.tenancy.control.TenantRulesTest.withDesks;

import com.networknt.schema.InputFormat;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.servicepoint.platform.control.Refusal;
import org.servicepoint.platform.control.Refusal.Violation;
import org.servicepoint.platform.testing.MessageBundles;

/**
 * A tenant administrator reads the rules' words in the language they asked for; English stays word for word what
 * the files' users, the docs and the tests have always read.
 */
class TenancyTextsTest {

    private static final Locale SPANISH = Locale.forLanguageTag("es-US");

    /** Two headquarters in a zone that does not exist: two problems at once. */
    private static TenantSpec twoProblems() {
        TenantSpec t = tenant(branch("MAIN", true), branch("EAST", true));
        return new TenantSpec(t.slug(), t.name(), "Mars/Olympus", t.locale(), t.status(), t.branches());
    }

    @Test
    void the_tenancy_bundle_says_each_key_in_english_and_spanish_with_the_same_arguments() {
        MessageBundles.assertComplete("org.servicepoint.tenancy.messages");
    }

    @Test
    void a_refused_configurations_violations_read_in_spanish_when_asked_in_spanish() {
        List<Violation> violations = TenantRules.check(twoProblems());

        assertThat(violations).extracting(Violation::message).containsExactly(
                "\"Mars/Olympus\" is not a known time zone (use an IANA id such as America/Chicago)",
                "exactly one branch must be the headquarters (found 2)");
        assertThat(violations).extracting(v -> v.in(SPANISH).message()).containsExactly(
                "\"Mars/Olympus\" no es una zona horaria conocida (use un identificador IANA como America/Chicago)",
                "exactamente una sucursal debe ser la oficina central (hay 2)");
        assertThat(violations).extracting(v -> v.in(Locale.ENGLISH)).containsExactlyElementsOf(violations);
        assertThat(violations.get(0).in(SPANISH).field()).isEqualTo("timeZone");
    }

    @Test
    void the_refusal_of_a_configuration_lists_every_problem_in_the_language_asked_for() {
        Refusal refusal = TenantConfigurations.invalid(TenantRules.check(twoProblems()));

        assertThat(refusal.type()).isEqualTo("invalid-configuration");
        assertThat(refusal.status()).isEqualTo(422);
        assertThat(refusal.getMessage()).isEqualTo("2 problem(s) in the configuration; nothing was changed: "
                + "timeZone: \"Mars/Olympus\" is not a known time zone (use an IANA id such as America/Chicago); "
                + "branches: exactly one branch must be the headquarters (found 2)");
        assertThat(refusal.detail(SPANISH)).isEqualTo("2 problema(s) en la configuración; no se cambió nada: "
                + "timeZone: \"Mars/Olympus\" no es una zona horaria conocida (use un identificador IANA como America/Chicago); "
                + "branches: exactamente una sucursal debe ser la oficina central (hay 2)");
        assertThat(refusal.violations(SPANISH)).extracting(Violation::message)
                .containsExactly("\"Mars/Olympus\" no es una zona horaria conocida (use un identificador IANA como America/Chicago)",
                        "exactamente una sucursal debe ser la oficina central (hay 2)");
    }

    @Test
    void a_configuration_read_as_the_api_reads_it_keeps_each_problems_line_and_its_spanish_words() {
        String configuration = """
                {"slug": "millbrook", "name": "Millbrook", "timeZone": "Mars/Olympus", "locale": "en-US",
                 "branches": [{"code": "MAIN", "name": "Main", "headquarters": true,
                               "openingHours": {"monday": ["09:00-17:00"]},
                               "servicePoints": [{"code": "circulation", "name": "Circulation"}]},
                              {"code": "EAST", "name": "East", "headquarters": true,
                               "openingHours": {"monday": ["09:00-17:00"]},
                               "servicePoints": [{"code": "circulation", "name": "Circulation"}]}]}
                """;

        Refusal read = refusalOf(() -> TenantDocuments.readTenant("configuration", configuration, InputFormat.JSON));
        Refusal refusal = TenantConfigurations.invalid(read.violations());

        assertThat(refusal.violations(SPANISH)).extracting(Violation::at).allSatisfy(at -> assertThat(at).startsWith("configuration:"))
                .containsExactlyElementsOf(refusal.violations().stream().map(Violation::at).toList());
        assertThat(refusal.violations(SPANISH)).extracting(Violation::field, Violation::message).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("timeZone",
                        "\"Mars/Olympus\" no es una zona horaria conocida (use un identificador IANA como America/Chicago)"),
                org.assertj.core.groups.Tuple.tuple("branches", "exactamente una sucursal debe ser la oficina central (hay 2)"));
        assertThat(refusal.detail(SPANISH)).startsWith("2 problema(s) en la configuración; no se cambió nada: configuration:")
                .contains(": timeZone: \"Mars/Olympus\" no es una zona horaria conocida (use un identificador IANA",
                        ": branches: exactamente una sucursal debe ser la oficina central (hay 2)");
        assertThat(refusal.getMessage()).startsWith("2 problem(s) in the configuration; nothing was changed: configuration:")
                .contains(": timeZone: \"Mars/Olympus\" is not a known time zone (use an IANA id",
                        ": branches: exactly one branch must be the headquarters (found 2)");
    }

    @Test
    void a_long_list_of_problems_is_said_in_order_with_each_one_once() {
        List<Violation> many = java.util.stream.IntStream.range(0, 1000)
                .mapToObj(i -> new Violation("positions[" + i + "].code",
                        org.servicepoint.platform.control.Text.of("tenancy.position.twice", "p" + i)))
                .toList();

        String detail = TenantConfigurations.invalid(many).detail(SPANISH);

        assertThat(detail).startsWith("1000 problema(s) en la configuración; no se cambió nada: "
                + "positions[0].code: el puesto p0 aparece dos veces; positions[1].code: el puesto p1 aparece dos veces; ")
                .endsWith("; positions[999].code: el puesto p999 aparece dos veces");
        assertThat(detail.split("; ")).hasSize(1001);
    }

    @Test
    void the_day_of_two_overlapping_stops_is_said_in_the_readers_language() {
        List<Violation> violations = TenantRules.check(mainBranch(b -> withDesks(b, bookmobile(
                stop("Oak Street School", "monday", "09:00-11:00"), stop("Mill Road", "monday", "10:30-12:00")))));

        assertThat(violations).extracting(Violation::message).containsExactly(
                "overlaps the stop Oak Street School on monday (09:00-11:00); a bookmobile is at one stop at a time");
        assertThat(violations).extracting(v -> v.in(SPANISH).message()).containsExactly(
                "se superpone con la parada Oak Street School del lunes (09:00-11:00); "
                        + "un bibliobús está en una sola parada a la vez");
    }

    @Test
    void a_missing_value_reads_as_the_platform_says_it() {
        TenantSpec t = TenantRulesTest.valid();
        TenantSpec noZone = new TenantSpec(t.slug(), t.name(), null, t.locale(), t.status(), t.branches());

        assertThat(TenantRules.check(noZone)).extracting(Violation::field, Violation::message, v -> v.in(SPANISH).message())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("timeZone", "is required", "es obligatorio"));
    }
}
