package org.servicepoint.platform.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsTest {

    @Test
    void a_setting_not_given_or_blank_takes_its_default() {
        Settings settings = Settings.of(Map.of("servicepoint.mail.host", "  ", "servicepoint.mail.port", ""));
        assertThat(settings.text("servicepoint.mail.host", "localhost")).isEqualTo("localhost");
        assertThat(settings.text("servicepoint.mail.user")).isEmpty();
        assertThat(settings.number("servicepoint.mail.port", 25)).isEqualTo(25);
        assertThat(settings.flag("servicepoint.mail.starttls", true)).isTrue();
        assertThat(settings.publicUrl()).isEqualTo("http://localhost:8080");
    }

    @Test
    void a_given_setting_is_read_as_written() {
        Settings settings = Settings.of(Map.of("servicepoint.mail.password", " secret with spaces ", "servicepoint.mail.port", " 587",
                "servicepoint.public-url", "https://servicepoint.example.org"));
        assertThat(settings.text("servicepoint.mail.password")).contains(" secret with spaces ");
        assertThat(settings.number("servicepoint.mail.port", 25)).isEqualTo(587);
        assertThat(settings.publicUrl()).isEqualTo("https://servicepoint.example.org");
    }

    @Test
    void a_flag_takes_the_words_microprofile_config_knows_in_any_case() {
        for (String on : new String[] {"true", "TRUE", "1", "yes", "Y", "on"}) {
            assertThat(Settings.of(Map.of("f", on)).flag("f", false)).as(on).isTrue();
        }
        for (String off : new String[] {"false", "False", "0", "no", "N", "off"}) {
            assertThat(Settings.of(Map.of("f", off)).flag("f", true)).as(off).isFalse();
        }
    }

    @Test
    void a_flag_that_is_no_flag_stops_instead_of_counting_as_false() {
        assertThatThrownBy(() -> Settings.of(Map.of("servicepoint.mail.starttls", "flase")).flag("servicepoint.mail.starttls", true))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("servicepoint.mail.starttls (SERVICEPOINT_MAIL_STARTTLS) must be true or false, not \"flase\"");
    }

    @Test
    void a_number_that_is_no_number_stops_naming_the_setting_and_its_variable() {
        assertThatThrownBy(() -> Settings.of(Map.of("servicepoint.mail.port", "25x")).number("servicepoint.mail.port", 25))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("servicepoint.mail.port (SERVICEPOINT_MAIL_PORT) must be a whole number, not \"25x\"");
    }

    @Test
    void the_environment_variable_of_a_setting_is_its_name_in_capitals_with_underscores() {
        assertThat(Settings.environmentName("servicepoint.keycloak.admin.client-id")).isEqualTo("SERVICEPOINT_KEYCLOAK_ADMIN_CLIENT_ID");
    }
}
