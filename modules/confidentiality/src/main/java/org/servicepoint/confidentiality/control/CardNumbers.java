package org.servicepoint.confidentiality.control;

import java.util.Locale;
import java.util.regex.Pattern;
import org.servicepoint.platform.control.Refusal;
import org.servicepoint.platform.control.Text;

/**
 * Library card numbers as typed or scanned: spaces and hyphens (as printed on cards) are dropped and letters
 * are upper-cased, so one card always gives one number. What remains must be 4 to 20 letters or digits.
 * Refusals never repeat the number.
 */
public final class CardNumbers {

    public static final String FIELD = "cardNumber";
    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\u00A0\\u2007\\u202F\\-\\u2010-\\u2015\\u2212]+");
    private static final Pattern VALID = Pattern.compile("^[A-Z0-9]{4,20}$");

    private CardNumbers() {
    }

    public static String normalise(String typed) {
        if (typed == null || typed.length() > 100) {
            throw invalid();
        }
        String number = SEPARATORS.matcher(typed).replaceAll("").toUpperCase(Locale.ROOT);
        if (!VALID.matcher(number).matches()) {
            throw invalid();
        }
        return number;
    }

    /** The last four characters of a normalised number: enough to confirm a card with the patron, no more. */
    public static String last4(String normalised) {
        return normalised.substring(normalised.length() - 4);
    }

    private static Refusal invalid() {
        return Refusal.invalid(FIELD, Text.of("confidentiality.card.format"));
    }
}
