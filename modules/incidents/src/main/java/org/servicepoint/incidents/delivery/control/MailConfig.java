package org.servicepoint.incidents.delivery.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.servicepoint.platform.control.Settings;

/** The mail settings and the worker's pace, from MicroProfile Config (STARTTLS required unless switched off explicitly). */
@ApplicationScoped
public class MailConfig {

    /** The default of servicepoint.mail.starttls: a password never travels in the clear unless an operator says so. */
    static final boolean STARTTLS_BY_DEFAULT = true;

    @Inject
    Settings config;

    /** The settings; refused (an exception, so the application does not start) when they would send a password in the clear. */
    public MailSettings settings() {
        String from = from();
        return new MailSettings(config.text("servicepoint.mail.host", "localhost"), config.number("servicepoint.mail.port", 25),
                config.text("servicepoint.mail.user").orElse(null), config.text("servicepoint.mail.password").orElse(null),
                config.flag("servicepoint.mail.starttls", STARTTLS_BY_DEFAULT), from,
                Duration.ofSeconds(timeoutSeconds()), MailSettings.domainOf(from), publicUrl()).check();
    }

    /** The domain of Message-IDs (the sender's); needs no valid connection settings, so signing never depends on them. */
    public String messageIdDomain() {
        return MailSettings.domainOf(from());
    }

    public String publicUrl() {
        return config.publicUrl();
    }

    /** Off: deliveries are still written (the outbox), just not sent, e.g. on a test system without mail. */
    public boolean enabled() {
        return config.flag("servicepoint.mail.enabled", true);
    }

    public Duration poll() {
        return Duration.ofSeconds(Math.max(1, config.number("servicepoint.mail.poll-seconds", 2)));
    }

    public DeliveryStore store(java.time.Clock clock) {
        int firstRetrySeconds = config.number("servicepoint.mail.first-retry-seconds", 15);
        int longestRetrySeconds = config.number("servicepoint.mail.longest-retry-seconds", 600);
        // How long a send may take before another pass takes it for a dead worker's; keep it well above the timeout.
        int claimSeconds = config.number("servicepoint.mail.claim-seconds", 120);
        return new DeliveryStore(clock, Duration.ofSeconds(Math.max(1, firstRetrySeconds)),
                Duration.ofSeconds(Math.max(firstRetrySeconds, longestRetrySeconds)),
                // At least three timeouts (connect, write, read) of the slowest send.
                Duration.ofSeconds(Math.max(claimSeconds, 3L * timeoutSeconds() + 5)));
    }

    private String from() {
        return config.text("servicepoint.mail.from", "servicepoint@localhost");
    }

    private int timeoutSeconds() {
        return Math.max(1, config.number("servicepoint.mail.timeout-seconds", 20));
    }
}
