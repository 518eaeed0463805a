package org.servicepoint.incidents.delivery.control;

import java.time.Duration;
import java.util.Properties;

/**
 * How the application reaches its mail server (MicroProfile Config {@code servicepoint.mail.*}, each with a default
 * and an environment override; see docs/configuration.md). Reports carry patron details, so the connection is
 * private by default: STARTTLS is required and the server's certificate must name the configured host. Plain SMTP is
 * for a catcher on the same machine only, switched on explicitly ({@code starttls=false}), and never with a password.
 */
public record MailSettings(String host, int port, String username, String password, boolean startTls, String from,
                           Duration timeout, String messageIdDomain, String publicUrl) {

    /** Jakarta Mail's properties for this server; timeouts always set, so a silent server cannot hang a worker. */
    public Properties properties() {
        Properties p = new Properties();
        p.put("mail.transport.protocol", "smtp");
        p.put("mail.smtp.host", host);
        p.put("mail.smtp.port", String.valueOf(port));
        p.put("mail.smtp.connectiontimeout", String.valueOf(timeout.toMillis()));
        p.put("mail.smtp.timeout", String.valueOf(timeout.toMillis()));
        p.put("mail.smtp.writetimeout", String.valueOf(timeout.toMillis()));
        p.put("mail.smtp.from", from);
        if (username != null && !username.isBlank()) {
            p.put("mail.smtp.auth", "true");
        }
        if (startTls) {
            p.put("mail.smtp.starttls.enable", "true");
            p.put("mail.smtp.starttls.required", "true");
            // A certificate valid for some other host is a man in the middle, not our server.
            p.put("mail.smtp.ssl.checkserveridentity", "true");
        }
        return p;
    }

    /** Refuses settings that would send a password in the clear: authentication needs STARTTLS. */
    public MailSettings check() {
        if (username != null && !username.isBlank() && !startTls) {
            throw new IllegalStateException("servicepoint.mail.user is set but servicepoint.mail.starttls is false: the SMTP "
                    + "password and every report would cross the network unencrypted. Set servicepoint.mail.starttls=true "
                    + "(the default) or remove the user.");
        }
        return this;
    }

    /** The domain of the sender's address, for Message-IDs. */
    public static String domainOf(String address) {
        int at = address == null ? -1 : address.lastIndexOf('@');
        return at < 0 ? "servicepoint.invalid" : address.substring(at + 1).replaceAll("[^A-Za-z0-9.-]", "");
    }
}
