package org.servicepoint.platform.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The platform operator's API key for automation. Only SHA-256 digests are configured (several, comma
 * separated, so a key can be rotated without downtime); a presented key is hashed and compared in
 * constant time. With no digest configured, no key opens anything. A key shorter than {@link #MIN_LENGTH}
 * characters opens nothing even when its digest is configured: such a key is guessable.
 */
@ApplicationScoped
public class OperatorKey {

    public static final int MIN_LENGTH = 32;

    @Inject
    @ConfigProperty(name = "servicepoint.operator.key-sha256", defaultValue = "none")
    String configured;

    private List<byte[]> digests;

    List<byte[]> digests() {
        if (digests == null) {
            List<String> entries = Arrays.stream(configured.split(",")).map(String::trim)
                    .filter(s -> !s.isEmpty() && !s.equals("none")).toList();
            entries.stream().filter(s -> !s.matches("^[0-9a-fA-F]{64}$")).findAny().ifPresent(bad -> java.util.logging.Logger
                    .getLogger(OperatorKey.class.getName())
                    .warning("servicepoint.operator.key-sha256 has an entry that is not a SHA-256 in hex; it is ignored"));
            digests = entries.stream().filter(s -> s.matches("^[0-9a-fA-F]{64}$")).map(HexFormat.of()::parseHex).toList();
        }
        return digests;
    }

    public boolean matches(String presented) {
        if (presented == null || presented.length() < MIN_LENGTH || presented.length() > 512) {
            return false;
        }
        byte[] candidate = sha256(presented);
        boolean match = false;
        for (byte[] digest : digests()) {
            // No early exit: the time taken does not tell which or whether a digest matched.
            match |= MessageDigest.isEqual(digest, candidate);
        }
        return match;
    }

    public static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    public static String sha256Hex(String text) {
        return HexFormat.of().formatHex(sha256(text));
    }
}
