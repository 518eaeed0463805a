package org.servicepoint.patronrequests.publicpages.control;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.servicepoint.platform.control.Messages;
import org.servicepoint.platform.control.Text;

/**
 * A server-rendered public page: every word from the module's bundle in the page's language, every value escaped,
 * no script, one stylesheet of this server. Forms are plain HTML: labels tied to their inputs, choices in a fieldset
 * with a legend, an error summary whose links lead to the fields, and each field's error named by its
 * {@code aria-describedby}, so the page reads well with a screen reader and works with JavaScript off.
 */
public final class PublicPage {

    public static final String BUNDLE = "org.servicepoint.patronrequests.messages";
    public static final String STYLESHEET = "/p/public.css";

    private final Messages words;
    private final String contextPath;
    private final StringBuilder body = new StringBuilder(4096);
    private String title = "";

    public PublicPage(Locale language, String contextPath) {
        this.words = Messages.of(BUNDLE, language);
        this.contextPath = contextPath == null ? "" : contextPath;
    }

    public Locale language() {
        return words.locale();
    }

    /** The words of {@code key} (a key of this module's bundle) in the page's language, not yet escaped. */
    public String say(String key, Object... args) {
        return words.get(key, args);
    }

    /** Words of any module (a field's problem may be the platform's) in the page's language, not yet escaped. */
    public String say(Text text) {
        return text.in(words.locale());
    }

    public PublicPage title(String text) {
        this.title = text;
        return this;
    }

    public PublicPage heading(String text) {
        body.append("<h1>").append(escape(text)).append("</h1>\n");
        return this;
    }

    public PublicPage paragraph(String text) {
        body.append("<p>").append(escape(text)).append("</p>\n");
        return this;
    }

    /** A reference the patron should note, set apart so it is easy to find and read out. */
    public PublicPage reference(String label, String reference) {
        body.append("<p class=\"reference\">").append(escape(label)).append(" <strong>").append(escape(reference))
                .append("</strong></p>\n");
        return this;
    }

    /** The list of what is wrong, each linked to its field; first on the page so it is read first. */
    public PublicPage errorSummary(Map<String, Text> errors) {
        if (errors.isEmpty()) {
            return this;
        }
        body.append("<div class=\"errors\" role=\"alert\" aria-labelledby=\"errors-title\"><h2 id=\"errors-title\">")
                .append(escape(say("patronrequests.public.errors"))).append("</h2><ul>");
        errors.forEach((field, text) -> body.append("<li><a href=\"#").append(escape(field)).append("\">")
                .append(escape(say(text))).append("</a></li>"));
        body.append("</ul></div>\n");
        return this;
    }

    public PublicPage formStart(String action) {
        body.append("<form method=\"post\" action=\"").append(escape(contextPath + action))
                .append("\" accept-charset=\"UTF-8\" novalidate>\n");
        return this;
    }

    public PublicPage formEnd(String submitLabel) {
        body.append("<button type=\"submit\">").append(escape(submitLabel)).append("</button>\n</form>\n");
        return this;
    }

    public PublicPage hidden(String name, String value) {
        body.append("<input type=\"hidden\" name=\"").append(escape(name)).append("\" value=\"").append(escape(value)).append("\">\n");
        return this;
    }

    /**
     * The field people never see or hear (hidden by the stylesheet, out of the tab order): a program that fills in
     * every field fills it in and is refused.
     */
    public PublicPage honeypot(String name) {
        body.append("<div class=\"hp\" aria-hidden=\"true\"><label for=\"").append(name).append("\">")
                .append(escape(say("patronrequests.public.honeypot"))).append("</label><input type=\"text\" id=\"")
                .append(name).append("\" name=\"").append(name).append("\" tabindex=\"-1\" autocomplete=\"off\" value=\"\"></div>\n");
        return this;
    }

    /** A one-line input; {@code type} text, email or tel. */
    public PublicPage input(String name, String type, String label, String hint, String value, int maxLength,
                            String autocomplete, Map<String, Text> errors) {
        open(name, label, hint, errors);
        body.append("<input type=\"").append(type).append("\" id=\"").append(name).append("\" name=\"").append(name)
                .append("\" maxlength=\"").append(maxLength).append("\" value=\"").append(escape(value)).append('"');
        if (autocomplete != null) {
            body.append(" autocomplete=\"").append(autocomplete).append('"');
        }
        described(name, hint, errors);
        body.append("></div>\n");
        return this;
    }

    public PublicPage textArea(String name, String label, String hint, String value, int maxLength, boolean required,
                               Map<String, Text> errors) {
        open(name, label, hint, errors);
        body.append("<textarea id=\"").append(name).append("\" name=\"").append(name).append("\" rows=\"8\" maxlength=\"")
                .append(maxLength).append('"').append(required ? " required aria-required=\"true\"" : "");
        described(name, hint, errors);
        body.append('>').append(escape(value)).append("</textarea></div>\n");
        return this;
    }

    /** One choice of several, as radio buttons in a fieldset whose legend asks the question. */
    public PublicPage choice(String name, String legend, List<String> codes, List<String> labels, String value,
                             Map<String, Text> errors) {
        Text error = errors.get(name);
        body.append("<fieldset id=\"").append(name).append('"');
        if (error != null) {
            body.append(" aria-describedby=\"").append(name).append("-error\"");
        }
        body.append("><legend>").append(escape(legend)).append("</legend>\n");
        if (error != null) {
            body.append("<p class=\"error\" id=\"").append(name).append("-error\">").append(escape(say(error))).append("</p>\n");
        }
        for (int i = 0; i < codes.size(); i++) {
            String id = name + "-" + codes.get(i);
            body.append("<div class=\"option\"><input type=\"radio\" id=\"").append(escape(id)).append("\" name=\"").append(name)
                    .append("\" value=\"").append(escape(codes.get(i))).append('"').append(codes.get(i).equals(value) ? " checked" : "")
                    .append("><label for=\"").append(escape(id)).append("\">").append(escape(labels.get(i))).append("</label></div>\n");
        }
        body.append("</fieldset>\n");
        return this;
    }

    public PublicPage checkbox(String name, String label, boolean checked) {
        body.append("<div class=\"option\"><input type=\"checkbox\" id=\"").append(name).append("\" name=\"").append(name)
                .append("\" value=\"yes\"").append(checked ? " checked" : "").append("><label for=\"").append(name).append("\">")
                .append(escape(label)).append("</label></div>\n");
        return this;
    }

    public PublicPage groupStart(String legend) {
        body.append("<fieldset><legend>").append(escape(legend)).append("</legend>\n");
        return this;
    }

    public PublicPage groupEnd() {
        body.append("</fieldset>\n");
        return this;
    }

    /** The whole document, its {@code lang} the page's language. */
    public byte[] html() {
        String lang = words.locale().getLanguage();
        String page = "<!DOCTYPE html>\n<html lang=\"" + escape(lang) + "\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<meta name=\"referrer\" content=\"no-referrer\">\n"
                + "<title>" + escape(title) + "</title>\n"
                + "<link rel=\"stylesheet\" href=\"" + escape(contextPath + STYLESHEET) + "\">\n</head>\n<body>\n<main>\n"
                + body + "</main>\n</body>\n</html>\n";
        return page.getBytes(StandardCharsets.UTF_8);
    }

    /** Text made safe for HTML content and attribute values (quoted with "). */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private void open(String name, String label, String hint, Map<String, Text> errors) {
        Text error = errors.get(name);
        body.append("<div class=\"field").append(error == null ? "" : " invalid").append("\"><label for=\"").append(name)
                .append("\">").append(escape(label)).append("</label>\n");
        if (hint != null) {
            body.append("<p class=\"hint\" id=\"").append(name).append("-hint\">").append(escape(hint)).append("</p>\n");
        }
        if (error != null) {
            body.append("<p class=\"error\" id=\"").append(name).append("-error\">").append(escape(say(error))).append("</p>\n");
        }
    }

    private void described(String name, String hint, Map<String, Text> errors) {
        String ids = ((hint == null ? "" : name + "-hint ") + (errors.containsKey(name) ? name + "-error" : "")).strip();
        if (!ids.isEmpty()) {
            body.append(" aria-describedby=\"").append(ids).append('"');
        }
        if (errors.containsKey(name)) {
            body.append(" aria-invalid=\"true\"");
        }
    }
}
