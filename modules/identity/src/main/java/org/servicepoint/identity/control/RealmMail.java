package org.servicepoint.identity.control;

/**
 * The SMTP server Keycloak mails a realm's invitations and password resets through: the application's own
 * ({@code servicepoint.mail.*}), so one server, one sender and one set of credentials serve both.
 *
 * @param user     null: the server takes mail without signing in
 * @param password only with a user
 */
public record RealmMail(String host, int port, String from, boolean starttls, String user, String password) {

    public RealmMail {
        if (host == null || host.isBlank() || port <= 0 || from == null || from.isBlank()) {
            throw new IllegalArgumentException("Realm mail needs a host, a port and a sender address");
        }
        user = user == null || user.isBlank() ? null : user;
        password = user == null ? null : password;
    }

    @Override
    public String toString() {
        // The generated toString would print the password.
        return "RealmMail[" + host + ":" + port + ", from " + from + ", starttls " + starttls + ", user "
                + (user == null ? "none" : "set") + "]";
    }
}
