package org.servicepoint.incidents.delivery.control;

import java.util.regex.Pattern;

/**
 * Mail errors as desk staff may see them in a report's delivery trail: without any mail address (a server's reply
 * often quotes the recipient, and the trail is shown to everyone who sees the report).
 */
public final class MailErrors {

    // Anything with an @ between two non-blank runs, in or out of angle brackets, quoted or not.
    private static final Pattern ADDRESS = Pattern.compile("[^\\s<>\"'(),;:\\[\\]]+@[^\\s<>\"'(),;:\\[\\]]+");

    private MailErrors() {
    }

    public static String withoutAddresses(String error) {
        if (error == null) {
            return null;
        }
        return ADDRESS.matcher(error).replaceAll("(address)");
    }
}
