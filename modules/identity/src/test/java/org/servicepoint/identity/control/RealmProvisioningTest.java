package org.servicepoint.identity.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

class RealmProvisioningTest {

    @Test
    void without_an_admin_password_provisioning_is_off_and_says_so_once() {
        // Port 9 (discard) answers nothing: any attempt to reach Keycloak would fail the test.
        var settings = new IdentitySettings("http://localhost:9", null, "admin", null, "http://localhost:8080", true, null);
        var provisioning = new RealmProvisioning(new KeycloakAdmin(settings), settings);
        var warnings = new java.util.ArrayList<String>();
        Logger logger = Logger.getLogger(RealmProvisioning.class.getName());
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                warnings.add(record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        logger.addHandler(handler);
        try {
            assertThatNoException().isThrownBy(() -> {
                provisioning.provision(new RealmSpec("riverbend", "Riverbend", List.of(), List.of()));
                provisioning.provisionOperatorRealm();
            });
        } finally {
            logger.removeHandler(handler);
        }
        assertThat(warnings).hasSize(1).first().asString().contains("provisioning is off");
    }

    @Test
    void settings_never_print_passwords() {
        var settings = new IdentitySettings("http://k", null, "admin", "hunter2", "http://a", false, "demo-secret");
        assertThat(settings.toString()).doesNotContain("hunter2").doesNotContain("demo-secret");
    }
}
