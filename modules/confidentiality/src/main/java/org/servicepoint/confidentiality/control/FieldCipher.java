package org.servicepoint.confidentiality.control;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.function.IntFunction;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM for single fields. A sealed value is {@code 0x01 | key version (4 bytes, big-endian) | IV (12
 * random bytes) | ciphertext and 16-byte tag}. The header and a context (tenant, table, column, row id) are
 * authenticated but not stored in the value, so a sealed value copied to another row, column or tenant no
 * longer opens, and the key version says which key opens it after a rotation.
 */
public final class FieldCipher {

    static final byte FORMAT = 1;
    static final int IV_BYTES = 12;
    static final int HEADER_BYTES = 1 + 4 + IV_BYTES;
    private static final int TAG_BITS = 128;

    private FieldCipher() {
    }

    /** A value that cannot be opened: changed, moved, or offered the wrong key. Says nothing about the content. */
    public static class Unreadable extends RuntimeException {
        public Unreadable(String message) {
            super(message);
        }
    }

    public static SecretKey newKey(SecureRandom random) {
        byte[] raw = new byte[32];
        random.nextBytes(raw);
        return new SecretKeySpec(raw, "AES");
    }

    public static byte[] seal(SecretKey key, int keyVersion, byte[] plaintext, byte[] context, SecureRandom random) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES).put(FORMAT).putInt(keyVersion).put(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(header.array(), 0, 5);
            cipher.updateAAD(context);
            byte[] body = cipher.doFinal(plaintext);
            return ByteBuffer.allocate(HEADER_BYTES + body.length).put(header.array()).put(body).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every Java runtime", e);
        }
    }

    /** Opens a sealed value with the key of the version it names. */
    public static byte[] open(IntFunction<SecretKey> keyOfVersion, byte[] sealed, byte[] context) {
        int version = keyVersion(sealed);
        SecretKey key = keyOfVersion.apply(version);
        if (key == null) {
            throw new Unreadable("no key of version " + version + " to open this value");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 5, IV_BYTES));
            cipher.updateAAD(sealed, 0, 5);
            cipher.updateAAD(context);
            return cipher.doFinal(sealed, HEADER_BYTES, sealed.length - HEADER_BYTES);
        } catch (javax.crypto.AEADBadTagException e) {
            throw new Unreadable("the value does not open: it was changed, belongs elsewhere, or the key is wrong");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every Java runtime", e);
        }
    }

    /** The key version a sealed value names. */
    public static int keyVersion(byte[] sealed) {
        if (sealed == null || sealed.length < HEADER_BYTES + TAG_BITS / 8 || sealed[0] != FORMAT) {
            throw new Unreadable("not a sealed value of a known format");
        }
        return ByteBuffer.wrap(sealed, 1, 4).getInt();
    }

    /**
     * The authenticated context: each part as its UTF-8 length (4 bytes) and bytes, so that no two different
     * lists of parts give the same bytes.
     */
    public static byte[] context(String... parts) {
        byte[][] encoded = new byte[parts.length][];
        int size = 0;
        for (int i = 0; i < parts.length; i++) {
            encoded[i] = parts[i].getBytes(StandardCharsets.UTF_8);
            size += 4 + encoded[i].length;
        }
        ByteBuffer out = ByteBuffer.allocate(size);
        for (byte[] part : encoded) {
            out.putInt(part.length).put(part);
        }
        return out.array();
    }
}
