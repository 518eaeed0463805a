package org.servicepoint.patronrequests.publicpages.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.servicepoint.patronrequests.cards.control.CommentCards;
import org.servicepoint.patronrequests.control.PatronContact;
import org.servicepoint.patronrequests.control.PatronContacts;
import org.servicepoint.patronrequests.publicpages.control.PublicForm;
import org.servicepoint.patronrequests.publicpages.control.PublicPage;
import org.servicepoint.patronrequests.reconsideration.control.NewReconsideration;
import org.servicepoint.patronrequests.reconsideration.control.ReconsiderationRules;
import org.servicepoint.patronrequests.reconsideration.control.Reconsiderations;
import org.servicepoint.platform.control.Refusal;
import org.servicepoint.platform.control.Text;
import org.servicepoint.platform.entity.TenantId;
import org.servicepoint.tenancy.control.TenantDirectory;

/**
 * The request to reconsider a library item, {@code /p/<slug>/<branch>/reconsider}: the form libraries hand out (the
 * item, what is objected to, how much of it the patron read, viewed or heard, what they ask), received by the
 * reconsideration component's intake.
 */
@ApplicationScoped
public class ReconsiderationForm implements PublicForm {

    static final List<String> FORMATS = List.of("book", "audio", "video", "ebook", "magazine", "other");
    static final List<String> CONSUMED = List.of("whole", "part", "not");
    private static final String WORDS = "patronrequests.public.reconsider.";

    @Inject
    Reconsiderations reconsiderations;

    @Inject
    TenantDirectory directory;

    @Override
    public String name() {
        return "reconsider";
    }

    @Override
    public void fields(PublicPage page, Map<String, String> values, Map<String, Text> errors) {
        page.groupStart(page.say(WORDS + "item"))
                .input("title", "text", page.say(WORDS + "title-label"), null, values.get("title"), ReconsiderationRules.TITLE_MAX, null, errors)
                .input("author", "text", page.say(WORDS + "author-label"), null, values.get("author"), ReconsiderationRules.AUTHOR_MAX, null,
                        errors)
                .groupEnd();
        page.choice("format", page.say(WORDS + "format-legend"), FORMATS,
                FORMATS.stream().map(f -> page.say("patronrequests.reconsideration.format." + f)).toList(), values.get("format"), errors);
        page.textArea("objection", page.say(WORDS + "objection-label"), page.say(WORDS + "objection-hint", ReconsiderationRules.OBJECTION_MAX),
                values.get("objection"), ReconsiderationRules.OBJECTION_MAX, true, errors);
        page.choice("consumed", page.say(WORDS + "consumed-legend"), CONSUMED,
                CONSUMED.stream().map(c -> page.say(WORDS + "consumed." + c)).toList(), values.get("consumed"), errors);
        page.textArea("asks", page.say(WORDS + "asks-label"), null, values.get("asks"), ReconsiderationRules.ASKS_MAX, false, errors);
        page.groupStart(page.say(WORDS + "contact-legend"))
                .input("name", "text", page.say("patronrequests.cards.form.name"), null, values.get("name"), PatronContacts.NAME_MAX, "name",
                        errors)
                .input("email", "email", page.say("patronrequests.cards.form.email"), null, values.get("email"), PatronContacts.EMAIL_MAX,
                        "email", errors)
                .input("phone", "tel", page.say("patronrequests.cards.form.phone"), null, values.get("phone"), PatronContacts.PHONE_MAX, "tel",
                        errors)
                .groupEnd();
    }

    @Override
    public Map<String, Text> check(Map<String, String> values) {
        Map<String, Text> errors = new LinkedHashMap<>();
        try {
            ReconsiderationRules.check(request(values), contact(values));
        } catch (Refusal refusal) {
            refusal.violations().forEach(v -> errors.putIfAbsent(v.field().replaceFirst("^contact\\.", ""),
                    v.text() == null ? Text.of("patronrequests.public.refused.invalid") : v.text()));
        }
        return errors;
    }

    @Override
    public String submit(TenantId tenant, String branch, Map<String, String> values) {
        String code = CommentCards.branchOf(directory.outline(tenant), branch);
        return reconsiderations.receive(tenant, code, request(values), contact(values)).reference();
    }

    private static NewReconsideration request(Map<String, String> values) {
        return new NewReconsideration(values.get("title"), values.get("author"), values.get("format"), values.get("objection"),
                values.get("consumed"), values.get("asks"));
    }

    /** The contact if the patron gave any of it (null: none), in the language of the page they wrote on. */
    private static PatronContact contact(Map<String, String> values) {
        boolean any = List.of("name", "email", "phone").stream().anyMatch(f -> !values.getOrDefault(f, "").isBlank());
        return any ? new PatronContact(values.get("name"), values.get("email"), values.get("phone"),
                "es".equals(values.get("language")) ? "es" : "en") : null;
    }
}
