package org.servicepoint.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** The local operator key: made once, kept in the state folder readable only by its owner. */
final class OperatorKeys {

    private OperatorKeys() {
    }

    /** What the server accepts at the least (the platform's OperatorKey.MIN_LENGTH). */
    static final int MIN_LENGTH = 32;

    /** 32 random bytes, 43 characters; a kept key shorter than {@link #MIN_LENGTH} stops the run. */
    static String loadOrCreate(Path stateDir) throws IOException {
        String key = loadOrCreate(stateDir, "operator-key", 32);
        requireLongEnough(key, stateDir.resolve("operator-key") + " holds an operator key");
        return key;
    }

    /** The server refuses shorter keys; say so here, where the key is known, instead of failing later. */
    static void requireLongEnough(String key, String what) {
        if (key.length() < MIN_LENGTH) {
            throw new IllegalArgumentException(what + " of " + key.length() + " characters; an operator key has at least "
                    + MIN_LENGTH + " (delete the file to have a new one made)");
        }
    }

    /** A random secret kept in the state folder, made on first use; {@code bytes} of randomness. */
    static String loadOrCreate(Path stateDir, String name, int bytes) throws IOException {
        Path file = stateDir.resolve(name);
        if (Files.isRegularFile(file)) {
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        }
        byte[] random = new byte[bytes];
        new SecureRandom().nextBytes(random);
        String key = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        writeSecret(stateDir, file, key);
        return key;
    }

    /** Like {@link #loadOrCreate(Path, String, int)} but standard base64, as key settings expect. */
    static String loadOrCreateBase64(Path stateDir, String name, int bytes) throws IOException {
        Path file = stateDir.resolve(name);
        if (!Files.isRegularFile(file)) {
            byte[] random = new byte[bytes];
            new SecureRandom().nextBytes(random);
            writeSecret(stateDir, file, Base64.getEncoder().encodeToString(random));
        }
        return Files.readString(file, StandardCharsets.UTF_8).strip();
    }

    /** Created readable by its owner only from the first byte, never with the default permissions. */
    private static void writeSecret(Path stateDir, Path file, String secret) throws IOException {
        Files.createDirectories(stateDir);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(file);
        }
        Files.writeString(file, secret + "\n", StandardCharsets.UTF_8);
    }

    static String read(Path stateDir) throws IOException {
        Path file = stateDir.resolve("operator-key");
        return Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8).strip() : null;
    }

    static String sha256Hex(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
