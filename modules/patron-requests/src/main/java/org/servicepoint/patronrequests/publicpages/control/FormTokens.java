package org.servicepoint.patronrequests.publicpages.control;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signed form token of a public page: when the form was served, for which library system, branch and form,
 * signed with the deployment's secret (HMAC-SHA256). A submission is taken only with a token of this server for the
 * same page that is old enough to have been filled in by a person and not so old that it was collected for later.
 * The same secret keys the hash of a source address ({@link #addressKey}), so no address is ever kept.
 */
public final class FormTokens {

    public enum Verdict { FRESH, TOO_FAST, EXPIRED, INVALID }

    private final byte[] secret;
    private final Duration minimum;
    private final Duration maximum;

    public FormTokens(byte[] secret, Duration minimum, Duration maximum) {
        if (secret == null || secret.length < 32) {
            throw new IllegalArgumentException("the public pages' secret needs at least 32 bytes");
        }
        this.secret = secret.clone();
        this.minimum = minimum;
        this.maximum = maximum;
    }

    /** A token for {@code form} at {@code branch} of {@code tenant}, issued {@code now}: {@code <seconds>.<signature>}. */
    public String issue(Instant now, String tenant, String branch, String form) {
        long seconds = now.getEpochSecond();
        return seconds + "." + sign(seconds, tenant, branch, form);
    }

    /** Whether {@code token} was issued by this server for this page, and whether it is in its time window now. */
    public Verdict check(String token, Instant now, String tenant, String branch, String form) {
        if (token == null || token.length() > 80) {
            return Verdict.INVALID;
        }
        int dot = token.indexOf('.');
        long seconds;
        try {
            seconds = dot < 1 ? -1 : Long.parseLong(token.substring(0, dot));
        } catch (NumberFormatException e) {
            return Verdict.INVALID;
        }
        if (seconds < 0) {
            return Verdict.INVALID;
        }
        byte[] given = token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII);
        byte[] expected = sign(seconds, tenant, branch, form).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(given, expected)) {
            return Verdict.INVALID;
        }
        Duration age = Duration.between(Instant.ofEpochSecond(seconds), now);
        if (age.compareTo(minimum) < 0) {
            return Verdict.TOO_FAST;
        }
        return age.compareTo(maximum) > 0 ? Verdict.EXPIRED : Verdict.FRESH;
    }

    /** A keyed hash of a source address: the same address gives the same key, the key gives back no address. */
    public String addressKey(String address) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(mac("address\n" + address));
    }

    private String sign(long seconds, String tenant, String branch, String form) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(mac("form\n" + seconds + "\n" + tenant + "\n" + branch + "\n" + form));
    }

    private byte[] mac(String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
