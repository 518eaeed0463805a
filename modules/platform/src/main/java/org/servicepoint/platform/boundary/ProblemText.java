package org.servicepoint.platform.boundary;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.MessageInterpolator;
import jakarta.validation.Validation;
import jakarta.validation.ValidationException;
import jakarta.validation.metadata.ConstraintDescriptor;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import org.servicepoint.platform.control.Messages;
import org.servicepoint.platform.control.RequestLanguage;
import org.servicepoint.platform.control.Text;

/** The words of a problem in the request's language ({@link RequestLanguage}), from the platform's messages. */
final class ProblemText {

    private static final String TEXTS = "org.servicepoint.platform.messages";
    private static final Logger LOG = Logger.getLogger(ProblemText.class.getName());
    /** A Bean Validation message that is one of our keys, e.g. {@code {bans.branch-code}}: a module's bundle holds it. */
    private static final Pattern OWN_KEY = Pattern.compile("\\{((bans|confidentiality|identity|incidents|patronrequests|platform|policies|staffing|standards|tenancy)"
            + "\\.[a-z0-9.-]+)}");

    private ProblemText() {
    }

    /**
     * A reply in English keeps the title the code gives; another language takes the title of the problem's type.
     * When the database is unreachable the library system's language cannot be read: that problem stays English.
     */
    static String title(String type, String title) {
        Locale language = "database-unavailable".equals(type) ? Locale.US : RequestLanguage.current();
        return language.getLanguage().equals(Locale.ENGLISH.getLanguage()) ? title
                : Messages.of(TEXTS, language).getOrDefault("problem." + type + ".title", title);
    }

    /** A detail of the platform's own problems. */
    static String detail(String key, Object... args) {
        return Messages.of(TEXTS, RequestLanguage.current()).get("problem.detail." + key, args);
    }

    /**
     * A field's message in the request's language. A message the module wrote as a key
     * ({@code message = "{staffing.username.format}"}) is read from its bundle; the validator's own messages are
     * interpolated again in the language, where it has them.
     */
    static String message(ConstraintViolation<?> v) {
        java.util.regex.Matcher own = OWN_KEY.matcher(v.getMessageTemplate() == null ? "" : v.getMessageTemplate());
        Locale language = RequestLanguage.current();
        if (own.matches()) {
            return Text.of(own.group(1)).in(language);
        }
        if (language.getLanguage().equals(Locale.ENGLISH.getLanguage())) {
            return v.getMessage();
        }
        try {
            return Validators.INTERPOLATOR.interpolate(v.getMessageTemplate(), new MessageInterpolator.Context() {
                @Override
                public ConstraintDescriptor<?> getConstraintDescriptor() {
                    return v.getConstraintDescriptor();
                }

                @Override
                public Object getValidatedValue() {
                    return v.getInvalidValue();
                }

                @Override
                public <T> T unwrap(Class<T> type) {
                    throw new ValidationException("no " + type.getName() + " here");
                }
            }, language);
        } catch (RuntimeException | LinkageError e) {
            // The validator could not say it again (no provider, or it needs more than the violation keeps): keep its English.
            LOG.log(Level.FINE, "message of " + v.getPropertyPath() + " stays English", e);
            return v.getMessage();
        }
    }

    /** Built on first use: most replies carry no field message. */
    private static final class Validators {
        static final MessageInterpolator INTERPOLATOR = Validation.byDefaultProvider().configure().getDefaultMessageInterpolator();
    }
}
