package org.servicepoint.confidentiality.control;

import java.util.UUID;

/**
 * Seals and opens free text for one column of one row, with one tenant's data key (AES-256-GCM, the context
 * tenant, table, column and row authenticated: see {@link FieldCipher}). Null stays null. Opening a value that was
 * changed, moved to another row, column, table or tenant, or sealed under a key this tenant does not have throws
 * {@link FieldCipher.Unreadable}. Other contexts get one from {@link SealedText#in}; a {@link KeyRing} is one.
 */
public interface TextSeal {

    byte[] seal(String table, String column, UUID row, String text);

    String open(String table, String column, UUID row, byte[] sealed);
}
