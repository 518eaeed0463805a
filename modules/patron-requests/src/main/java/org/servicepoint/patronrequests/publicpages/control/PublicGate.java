package org.servicepoint.patronrequests.publicpages.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLDecoder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import org.servicepoint.platform.control.Settings;
import org.servicepoint.platform.control.Text;

/**
 * What every submission of a public page passes before anything reads or writes the database: the rate limit per
 * source (a keyed hash of its address) and per branch, well-formed form encoding, the signed form token and its time
 * window, the honeypot, and no markup in any field. The body's size is bounded by the page that reads it
 * ({@link #BODY_LIMIT}). Nothing of a refused submission is kept; the limits keep only counts under keyed hashes.
 */
@ApplicationScoped
public class PublicGate {

    public static final int BODY_LIMIT = 32 * 1024;
    public static final String TOKEN = "token";
    public static final String HONEYPOT = "website";
    public static final String MARKUP = "patronrequests.public.markup";
    static final int MAX_FIELDS = 30;
    private static final Logger LOG = Logger.getLogger(PublicGate.class.getName());

    /** What the gate made of a submission. */
    public sealed interface Outcome permits Limited, Refused, Admitted {
    }

    /** Over the rate limit: try again after {@code retryAfter}. */
    public record Limited(Duration retryAfter) implements Outcome {
    }

    /** Not a submission of this page by a person (bad token, too fast, too old, honeypot, malformed): {@code why} is a message key. */
    public record Refused(String why) implements Outcome {
    }

    /** Passed: the values, and the fields holding markup (field → message key), which the form shows again. */
    public record Admitted(Map<String, String> values, Map<String, Text> errors) implements Outcome {
    }

    private FormTokens tokens;
    private SubmissionLimits submissions;
    private SubmissionLimits views;
    private Clock clock;
    private final AtomicLong admitted = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();

    /** The server's gate, from its settings (see docs/configuration.md). */
    public PublicGate() {
        this(new Settings(), Clock.systemUTC());
    }

    public PublicGate(Settings settings, Clock clock) {
        this.clock = clock;
        this.tokens = new FormTokens(secret(settings), Duration.ofSeconds(settings.number("servicepoint.public-pages.min-seconds", 3)),
                Duration.ofHours(settings.number("servicepoint.public-pages.max-hours", 4)));
        Duration window = Duration.ofMinutes(settings.number("servicepoint.public-pages.window-minutes", 10));
        int capacity = settings.number("servicepoint.public-pages.remembered-sources", 50_000);
        this.submissions = new SubmissionLimits(settings.number("servicepoint.public-pages.per-address", 10),
                settings.number("servicepoint.public-pages.per-branch", 60), window, capacity);
        // Viewing a form reads the library system's outline: bounded too, more loosely.
        this.views = new SubmissionLimits(settings.number("servicepoint.public-pages.views-per-address", 120),
                settings.number("servicepoint.public-pages.views-per-branch", 5_000), window, capacity);
    }

    public Instant now() {
        return clock.instant();
    }

    /** A new form token for the page. */
    public String token(String tenant, String branch, String form) {
        return tokens.issue(clock.instant(), tenant, branch, form);
    }

    /** Counts one view of a form; ZERO when it may be served, else how long to wait. */
    public Duration view(String address, String tenant, String branch) {
        return views.attempt(tokens.addressKey(address), tenant + "/" + branch, clock.instant());
    }

    /** The gate for one submission of {@code form} at {@code branch} of {@code tenant} from {@code address}. */
    public Outcome admit(String address, String tenant, String branch, String form, byte[] body) {
        Instant now = clock.instant();
        Duration wait = submissions.attempt(tokens.addressKey(address), tenant + "/" + branch, now);
        if (!wait.isZero()) {
            refused.incrementAndGet();
            return new Limited(wait);
        }
        Map<String, String> values = parse(body);
        Outcome outcome = values == null ? new Refused("patronrequests.public.refused.malformed") : checked(values, now, tenant, branch, form);
        (outcome instanceof Admitted ? admitted : refused).incrementAndGet();
        return outcome;
    }

    /** Submissions refused and admitted since start, for the logs and tests (never per source). */
    public long refusedCount() {
        return refused.get();
    }

    public long admittedCount() {
        return admitted.get();
    }

    private Outcome checked(Map<String, String> values, Instant now, String tenant, String branch, String form) {
        FormTokens.Verdict verdict = tokens.check(values.get(TOKEN), now, tenant, branch, form);
        if (verdict != FormTokens.Verdict.FRESH) {
            return new Refused("patronrequests.public.refused." + verdict.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        }
        if (!values.getOrDefault(HONEYPOT, "").isEmpty()) {
            return new Refused("patronrequests.public.refused.invalid");
        }
        Map<String, Text> errors = new LinkedHashMap<>();
        values.forEach((field, value) -> {
            if (value.indexOf('<') >= 0 || value.indexOf('>') >= 0) {
                errors.put(field, Text.of(MARKUP));
            }
        });
        return new Admitted(values, errors);
    }

    /**
     * {@code application/x-www-form-urlencoded} in UTF-8, strictly: at most {@link #MAX_FIELDS} fields, each once, no
     * control characters but line breaks and tabs; null when it is not that.
     */
    static Map<String, String> parse(byte[] body) {
        String text;
        try {
            text = StandardCharsets.US_ASCII.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
        Map<String, String> values = new LinkedHashMap<>();
        if (text.isEmpty()) {
            return values;
        }
        String[] pairs = text.split("&", -1);
        if (pairs.length > MAX_FIELDS) {
            return null;
        }
        for (String pair : pairs) {
            int eq = pair.indexOf('=');
            if (eq < 1) {
                return null;
            }
            String name;
            String value;
            try {
                name = URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8);
                value = URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return null;
            }
            boolean control = value.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t');
            if (name.length() > 40 || control || value.indexOf('\uFFFD') >= 0 || values.putIfAbsent(name, value.replace("\r\n", "\n")) != null) {
                return null;
            }
        }
        return values;
    }

    private static byte[] secret(Settings settings) {
        return settings.text("servicepoint.public-pages.secret").map(s -> Base64.getDecoder().decode(s.strip())).orElseGet(() -> {
            // Without a configured secret, forms served before a restart (or by another instance) are refused.
            LOG.warning("servicepoint.public-pages.secret is not set: public forms are signed with a key made at start-up");
            byte[] made = new byte[32];
            new SecureRandom().nextBytes(made);
            return made;
        });
    }
}
