package org.servicepoint.platform.control;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Words for a person, kept as a message key and its arguments until the reply's language is known. The key's first
 * part names the module whose bundle holds it: {@code staffing.shift.cancelled-already} is read from
 * {@code org.servicepoint.staffing.messages} (see {@link Messages}). Arguments are kept as the text they print, so
 * the English wording is exactly what the code wrote before; an argument that is itself a {@code Text} is said in
 * the same language.
 *
 * <pre>{@code
 * throw Refusal.conflict(Text.of("staffing.shift.cancelled-already", day));
 * }</pre>
 */
public record Text(String key, List<Object> args) {

    public Text {
        Objects.requireNonNull(key, "key");
        if (key.indexOf('.') < 1) {
            throw new IllegalArgumentException("a message key starts with its module: " + key);
        }
        args = List.copyOf(args);
    }

    /** {@code key} with its {@code {0}}, {@code {1}}… arguments: each is printed as {@code String.valueOf} prints it. */
    public static Text of(String key, Object... args) {
        return new Text(key, Arrays.stream(args == null ? new Object[0] : args)
                .map(a -> a instanceof Text ? a : String.valueOf(a)).toList());
    }

    /** The bundle of the module the key names. */
    public String bundle() {
        return "org.servicepoint." + key.substring(0, key.indexOf('.')) + ".messages";
    }

    /** These words in {@code language}: a language without a bundle of its own gets English. */
    public String in(Locale language) {
        Object[] said = args.stream().map(a -> a instanceof Text t ? t.in(language) : a).toArray();
        return Messages.of(bundle(), language).get(key, said);
    }

    /** In English: what logs, the command line and tests read. */
    public String english() {
        return in(Locale.US);
    }

    @Override
    public String toString() {
        return english();
    }
}
