package org.servicepoint.patronrequests.cards.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.servicepoint.patronrequests.cards.control.CommentCards;
import org.servicepoint.patronrequests.control.PatronContact;
import org.servicepoint.patronrequests.control.PatronContacts;
import org.servicepoint.patronrequests.publicpages.control.PublicForm;
import org.servicepoint.patronrequests.publicpages.control.PublicGate;
import org.servicepoint.patronrequests.publicpages.control.PublicPage;
import org.servicepoint.platform.control.FreeText;
import org.servicepoint.platform.control.Refusal;
import org.servicepoint.platform.control.Text;
import org.servicepoint.platform.entity.TenantId;

/**
 * The comment card page, {@code /p/<slug>/<branch>/comment}: praise, a suggestion or a complaint, and, only if the
 * patron wants an answer, how to reach them.
 */
@ApplicationScoped
public class CommentCardForm implements PublicForm {

    static final List<String> KINDS = List.of("praise", "suggestion", "complaint");

    @Inject
    CommentCards cards;

    @Override
    public String name() {
        return "comment";
    }

    @Override
    public void fields(PublicPage page, Map<String, String> values, Map<String, Text> errors) {
        page.choice("kind", page.say("patronrequests.cards.form.kind-legend"), KINDS,
                KINDS.stream().map(k -> page.say("patronrequests.cards.form.kind." + k)).toList(), values.get("kind"), errors);
        page.textArea("text", page.say("patronrequests.cards.form.text-label"),
                page.say("patronrequests.cards.form.text-hint", CommentCards.TEXT_MAX), values.get("text"), CommentCards.TEXT_MAX,
                true, errors);
        page.groupStart(page.say("patronrequests.cards.form.contact-legend"))
                .checkbox("reply", page.say("patronrequests.cards.form.reply"), "yes".equals(values.get("reply")))
                .input("name", "text", page.say("patronrequests.cards.form.name"), null, values.get("name"), PatronContacts.NAME_MAX,
                        "name", errors)
                .input("email", "email", page.say("patronrequests.cards.form.email"), null, values.get("email"),
                        PatronContacts.EMAIL_MAX, "email", errors)
                .input("phone", "tel", page.say("patronrequests.cards.form.phone"), null, values.get("phone"), PatronContacts.PHONE_MAX,
                        "tel", errors)
                .groupEnd();
    }

    @Override
    public Map<String, Text> check(Map<String, String> values) {
        Map<String, Text> errors = new LinkedHashMap<>();
        if (!KINDS.contains(values.getOrDefault("kind", ""))) {
            errors.put("kind", Text.of("patronrequests.cards.form.kind-missing"));
        }
        String text = values.getOrDefault("text", "").strip();
        if (text.isEmpty() || text.length() > CommentCards.TEXT_MAX) {
            errors.put("text", Text.of("patronrequests.cards.form.text-missing"));
        } else {
            // The staff API's rules for free text too: no invisible direction marks or broken characters.
            try {
                FreeText.check("text", text, CommentCards.TEXT_MAX, true, true);
            } catch (Refusal refusal) {
                refusal.violations().forEach(v -> errors.putIfAbsent("text", v.text() == null ? Text.of(PublicGate.MARKUP) : v.text()));
            }
        }
        if (wantsReply(values)) {
            PatronContacts.check("", contact(values)).forEach(v -> errors.putIfAbsent(v.field(), v.text()));
        }
        return errors;
    }

    @Override
    public String submit(TenantId tenant, String branch, Map<String, String> values) {
        if (!check(values).isEmpty()) {
            throw Refusal.invalid("text", Text.of("patronrequests.cards.form.text-missing"));
        }
        return cards.receive(tenant, branch, values.get("kind"), values.get("text"), language(values), wantsReply(values) ? contact(values) : null)
                .reference();
    }

    private static boolean wantsReply(Map<String, String> values) {
        return "yes".equals(values.get("reply"));
    }

    private static PatronContact contact(Map<String, String> values) {
        return new PatronContact(values.get("name"), values.get("email"), values.get("phone"), language(values));
    }

    static String language(Map<String, String> values) {
        String language = values.getOrDefault("language", "en").toLowerCase(Locale.ROOT);
        return "es".equals(language) ? "es" : "en";
    }
}
