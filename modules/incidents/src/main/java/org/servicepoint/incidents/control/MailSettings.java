package org.servicepoint.incidents.control;

import java.time.Duration;
import java.util.Properties;

/**
 * How the application reaches its mail server (MicroProfile Config {@code servicepoint.mail.*}, each with a default
 * and an environment override; see docs/configuration.md).
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
        }
        return p;
    }

    /** The domain of the sender's address, for Message-IDs. */
    public static String domainOf(String address) {
        int at = address == null ? -1 : address.lastIndexOf('@');
        return at < 0 ? "servicepoint.invalid" : address.substring(at + 1).replaceAll("[^A-Za-z0-9.-]", "");
    }
}
