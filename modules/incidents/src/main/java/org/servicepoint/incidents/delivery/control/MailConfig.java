package org.servicepoint.incidents.delivery.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The mail settings and the worker's pace, from MicroProfile Config (STARTTLS required unless switched off explicitly). */
@ApplicationScoped
public class MailConfig {

    @Inject
    @ConfigProperty(name = "servicepoint.mail.host", defaultValue = "localhost")
    String host;

    @Inject
    @ConfigProperty(name = "servicepoint.mail.port", defaultValue = "25")
    int port;

    @Inject
    @ConfigProperty(name = "servicepoint.mail.user")
    Optional<String> user;

    @Inject
    @ConfigProperty(name = "servicepoint.mail.password")
    Optional<String> password;

    @Inject
    @ConfigProperty(name = "servicepoint.mail.starttls", defaultValue = "true")
    boolean startTls;

    @Inject
    @ConfigProperty(name = "servicepoint.mail.from", defaultValue = "servicepoint@localhost")
    String from;

    @Inject
    @ConfigProperty(name = "servicepoint.mail.timeout-seconds", defaultValue = "20")
    int timeoutSeconds;

    @Inject
    @ConfigProperty(name = "servicepoint.mail.enabled", defaultValue = "true")
    boolean enabled;

    @Inject
    @ConfigProperty(name = "servicepoint.mail.poll-seconds", defaultValue = "2")
    int pollSeconds;

    @Inject
    @ConfigProperty(name = "servicepoint.mail.first-retry-seconds", defaultValue = "15")
    int firstRetrySeconds;

    @Inject
    @ConfigProperty(name = "servicepoint.mail.longest-retry-seconds", defaultValue = "600")
    int longestRetrySeconds;

    /** How long a send may take before another pass takes it for a dead worker's; keep it well above the timeout. */
    @Inject
    @ConfigProperty(name = "servicepoint.mail.claim-seconds", defaultValue = "120")
    int claimSeconds;

    @Inject
    @ConfigProperty(name = "servicepoint.public-url", defaultValue = "http://localhost:8080")
    String publicUrl;

    /** The settings; refused (an exception, so the application does not start) when they would send a password in the clear. */
    public MailSettings settings() {
        return new MailSettings(host, port, user.orElse(null), password.orElse(null), startTls, from,
                Duration.ofSeconds(Math.max(1, timeoutSeconds)), MailSettings.domainOf(from), publicUrl).check();
    }

    /** The domain of Message-IDs (the sender's); needs no valid connection settings, so signing never depends on them. */
    public String messageIdDomain() {
        return MailSettings.domainOf(from);
    }

    public String publicUrl() {
        return publicUrl;
    }

    /** Off: deliveries are still written (the outbox), just not sent, e.g. on a test system without mail. */
    public boolean enabled() {
        return enabled;
    }

    public Duration poll() {
        return Duration.ofSeconds(Math.max(1, pollSeconds));
    }

    public DeliveryStore store(java.time.Clock clock) {
        return new DeliveryStore(clock, Duration.ofSeconds(Math.max(1, firstRetrySeconds)),
                Duration.ofSeconds(Math.max(firstRetrySeconds, longestRetrySeconds)),
                // At least three timeouts (connect, write, read) of the slowest send.
                Duration.ofSeconds(Math.max(claimSeconds, 3L * Math.max(1, timeoutSeconds) + 5)));
    }
}
