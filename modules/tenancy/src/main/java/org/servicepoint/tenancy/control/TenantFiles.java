package org.servicepoint.tenancy.control;

import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Optional;
import org.servicepoint.tenancy.entity.TenantFile;

/**
 * The rule of docs/decisions/0014 on one library system's files, on an entity manager bound to that library system:
 * what was last applied from each file, what the app edited since, and what a start-up apply may do with a file.
 */
public final class TenantFiles {

    /** What a start-up apply does with one file. */
    public enum Verdict {
        /** The same content as last applied: skipped, so an app edit since is kept. */
        UNCHANGED,
        /** New or changed content and no app edit since the last apply: applied. */
        APPLY,
        /** Changed content, but the app edited what the file declares since the last apply: not applied. */
        EDITED_IN_APP
    }

    private TenantFiles() {
    }

    public static String sha256(String content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    public static Optional<TenantFile> find(EntityManager boundEm, String fileName) {
        return boundEm.createQuery("select f from TenantFile f where f.fileName = :name", TenantFile.class)
                .setParameter("name", fileName).getResultStream().findFirst();
    }

    public static Verdict verdict(Optional<TenantFile> state, String content) {
        if (state.flatMap(TenantFile::appliedSha256).filter(sha256(content)::equals).isPresent()) {
            return Verdict.UNCHANGED;
        }
        return state.filter(TenantFile::editedInApp).isPresent() ? Verdict.EDITED_IN_APP : Verdict.APPLY;
    }

    /** The file was applied with {@code content}: its hash is kept and the edit marker cleared. */
    public static void applied(EntityManager boundEm, String fileName, String content, Instant at, String by) {
        stateOf(boundEm, fileName).applied(sha256(content), at, by);
        // Written now, while the entity manager is bound to this library system (the next file may bind another).
        boundEm.flush();
    }

    public static void edited(EntityManager boundEm, String fileName, Instant at, String by) {
        stateOf(boundEm, fileName).edited(at, by);
        boundEm.flush();
    }

    /** How a plan tells that the app changed what the file declares since it was last applied; empty if it did not. */
    public static Optional<String> drift(Optional<TenantFile> state) {
        return state.filter(TenantFile::editedInApp).map(f -> "edited in the app by " + f.editedBy() + " on "
                + f.editedAt().atOffset(ZoneOffset.UTC).toLocalDate() + " (since " + f.fileName() + " was last applied)");
    }

    private static TenantFile stateOf(EntityManager boundEm, String fileName) {
        return find(boundEm, fileName).orElseGet(() -> {
            TenantFile made = new TenantFile(fileName);
            boundEm.persist(made);
            return made;
        });
    }
}
