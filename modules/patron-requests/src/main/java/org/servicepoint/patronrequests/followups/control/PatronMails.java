package org.servicepoint.patronrequests.followups.control;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.servicepoint.patronrequests.control.PatronRequestRules;
import org.servicepoint.platform.control.Messages;

/**
 * The words of a mail to a patron: the library system's own template for the patron's language and the kind of mail
 * ({@code patronMail} in patron-requests.yaml), else ServicePoint's wording in that language. Placeholders
 * {@code {library}}, {@code {branch}}, {@code {reference}} and {@code {text}} are filled once, left to right, so text
 * that itself contains a placeholder is sent as written.
 */
public final class PatronMails {

    public static final java.util.List<String> TEMPLATES = java.util.List.of("receipt", "update", "decision");

    private static final String TEXTS = "org.servicepoint.patronrequests.messages";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(library|branch|reference|text)\\}");

    private PatronMails() {
    }

    /** What fills the placeholders. */
    public record Values(String library, String branch, String reference, String text) {
    }

    /** A subject (one line) and a text, and whether the library system's own template wrote them. */
    public record Composed(String subject, String body, boolean tenantTemplate) {
    }

    public static Composed compose(PatronRequestRules rules, String language, String template, Values values) {
        String lang = "es".equals(language) ? "es" : "en";
        PatronRequestRules.Templates own = rules.patronMail().get(lang);
        PatronRequestRules.Template chosen = own == null ? null : switch (template) {
            case "receipt" -> own.receipt();
            case "decision" -> own.decision();
            default -> own.update();
        };
        if (chosen != null && chosen.subject() != null && chosen.body() != null) {
            return new Composed(oneLine(fill(chosen.subject(), values)), fill(chosen.body(), values), true);
        }
        Messages t = Messages.of(TEXTS, Locale.forLanguageTag(lang));
        String key = "patronrequests.followups.mail." + (TEMPLATES.contains(template) ? template : "update");
        Object[] args = {values.library(), nonNull(values.branch()), nonNull(values.reference()), nonNull(values.text())};
        return new Composed(oneLine(t.get(key + ".subject", args)), t.get(key + ".body", args), false);
    }

    static String fill(String template, Values values) {
        Map<String, String> by = Map.of("library", nonNull(values.library()), "branch", nonNull(values.branch()),
                "reference", nonNull(values.reference()), "text", nonNull(values.text()));
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(by.get(m.group(1))));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** A subject is one line: a line break from a template or a text must not start a mail header of its own. */
    static String oneLine(String value) {
        String line = value.replaceAll("[\\r\\n\\t]+", " ").strip();
        return line.length() > 300 ? line.substring(0, 300) : line;
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }
}
