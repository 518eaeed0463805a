package org.servicepoint.patronrequests.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.servicepoint.confidentiality.control.SealedText;
import org.servicepoint.confidentiality.control.TextSeal;
import org.servicepoint.patronrequests.entity.StoredContact;
import org.servicepoint.platform.control.Refusal;
import org.servicepoint.platform.control.Refusal.Violation;
import org.servicepoint.platform.control.TenantWork;
import org.servicepoint.platform.control.Text;

/**
 * The one way the patron-requests components keep and read how to reach a patron: sealed at rest with the library
 * system's data key, every read audited with its purpose, deleted when the last matter naming it goes. Works inside
 * the caller's transaction, on the patron-requests unit the caller acts on.
 */
@ApplicationScoped
public class PatronContacts {

    public static final int NAME_MAX = 120;
    public static final int EMAIL_MAX = 254;
    public static final int PHONE_MAX = 40;

    // Deliberately plain: one @, no spaces or angle brackets, a dot in the domain. Mail servers have the last word.
    private static final Pattern EMAIL = Pattern.compile("^[^\\s@<>\"]{1,64}@[^\\s@<>\"]+\\.[^\\s@<>\"]{2,}$");
    private static final Pattern PHONE = Pattern.compile("^[+0-9 ().\\-]{5," + PHONE_MAX + "}$");
    private static final Pattern LANGUAGE = Pattern.compile("^(en|es)$");

    @Inject
    SealedText sealedText;

    Clock clock = Clock.systemUTC();

    /**
     * The problems with a contact, fields prefixed by {@code at} (e.g. "contact."): empty when it may be kept. Blank
     * fields count as absent; an email address or a phone number is needed.
     */
    public static List<Violation> check(String at, PatronContact contact) {
        List<Violation> found = new ArrayList<>();
        String email = blankToNull(contact.email());
        String phone = blankToNull(contact.phone());
        String name = blankToNull(contact.name());
        if (email == null && phone == null) {
            found.add(new Violation(at + "email", Text.of("patronrequests.contact.email-or-phone")));
        }
        if (email != null && (email.length() > EMAIL_MAX || !EMAIL.matcher(email).matches())) {
            found.add(new Violation(at + "email", Text.of("patronrequests.contact.email")));
        }
        if (phone != null && !PHONE.matcher(phone).matches()) {
            found.add(new Violation(at + "phone", Text.of("patronrequests.contact.phone")));
        }
        if (name != null && (name.length() > NAME_MAX || name.chars().anyMatch(c -> c == '<' || c == '>' || Character.isISOControl(c)))) {
            found.add(new Violation(at + "name", Text.of("patronrequests.contact.name", NAME_MAX)));
        }
        if (contact.language() == null || !LANGUAGE.matcher(contact.language()).matches()) {
            found.add(new Violation(at + "language", Text.of("patronrequests.contact.language")));
        }
        return found;
    }

    /** Keeps a checked contact (400 with every problem otherwise) and answers its id; audited without its contents. */
    public UUID keep(TenantWork.Acting at, PatronContact contact) {
        List<Violation> found = check("contact.", contact);
        if (!found.isEmpty()) {
            throw Refusal.invalid(Text.of("patronrequests.contact.invalid"), found);
        }
        UUID id = UUID.randomUUID();
        TextSeal seal = sealedText.in(at.tenant(), at.caller());
        String table = StoredContact.TABLE;
        at.db().persist(new StoredContact(id,
                seal.seal(table, "name", id, blankToNull(contact.name())),
                seal.seal(table, "email", id, blankToNull(contact.email())),
                seal.seal(table, "phone", id, blankToNull(contact.phone())),
                contact.language(), clock.instant()));
        at.audit("patron-contact.create", id.toString(), null);
        return id;
    }

    /** The contact in the clear, for one purpose (e.g. "complaint.reply"), audited; empty when gone (purged). */
    public Optional<PatronContact> reveal(TenantWork.Acting at, UUID id, String purpose) {
        StoredContact stored = id == null ? null : at.db().find(StoredContact.class, id);
        if (stored == null) {
            return Optional.empty();
        }
        TextSeal seal = sealedText.in(at.tenant(), at.caller());
        String table = StoredContact.TABLE;
        PatronContact contact = new PatronContact(seal.open(table, "name", id, stored.name()),
                seal.open(table, "email", id, stored.email()), seal.open(table, "phone", id, stored.phone()), stored.language());
        at.audit("patron-contact.read", id.toString(), purpose);
        return Optional.of(contact);
    }

    /** The language the patron wrote in, without opening anything (not audited: no patron data). */
    public Optional<String> language(TenantWork.Acting at, UUID id) {
        StoredContact stored = id == null ? null : at.db().find(StoredContact.class, id);
        return Optional.ofNullable(stored).map(StoredContact::language);
    }

    /** Deletes a contact (the last matter naming it went, or the patron asked); audited. Forgetting twice is the same. */
    public void forget(TenantWork.Acting at, UUID id, String why) {
        StoredContact stored = id == null ? null : at.db().find(StoredContact.class, id);
        if (stored != null) {
            at.db().remove(stored);
            at.audit("patron-contact.delete", id.toString(), why);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
