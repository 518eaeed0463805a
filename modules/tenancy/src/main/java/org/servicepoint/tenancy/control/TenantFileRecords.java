package org.servicepoint.tenancy.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.servicepoint.platform.entity.TenantId;
import org.servicepoint.tenancy.entity.TenantFile;

/**
 * Keeps the record of docs/decisions/0014: app edits as {@link ConfigurationEdited} says, and which files a start-up
 * apply may apply.
 */
@ApplicationScoped
public class TenantFileRecords {

    @Inject
    TenantDirectory directory;

    Clock clock = Clock.systemUTC();

    /** Recorded in the editing transaction: if the edit rolls back, so does its record. */
    @Transactional
    void onEdited(@Observes ConfigurationEdited edited) {
        TenantFiles.edited(directory.bound(edited.tenant()), edited.fileName(), clock.instant(), edited.caller().name());
    }

    /**
     * What a start-up apply does with the files of a tenants folder: an unchanged file is skipped; a library system with
     * a changed file that the app edited since is skipped whole and named in {@code warnings}.
     *
     * @param apply         the files to apply, in the order given
     * @param notApplied    the {@code tenant.yaml}s left out (their realms are still brought in step at start-up)
     */
    public record StartupChoice(List<TenantDocuments.Source> apply, List<TenantDocuments.Source> notApplied,
                                List<String> warnings) {
    }

    @Transactional
    public StartupChoice choose(List<TenantDocuments.Source> sources) {
        Map<String, List<TenantDocuments.Source>> bySlug = new LinkedHashMap<>();
        sources.forEach(s -> bySlug.computeIfAbsent(folderOf(s), k -> new ArrayList<>()).add(s));
        List<TenantDocuments.Source> apply = new ArrayList<>();
        List<TenantDocuments.Source> notApplied = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        bySlug.forEach((slug, files) -> {
            if (!TenantId.isValidSlug(slug)) {
                // Not a library system's folder: onboarding refuses it with its own words.
                apply.addAll(files);
                return;
            }
            EntityManager bound = directory.bound(TenantId.of(slug));
            List<TenantDocuments.Source> changed = new ArrayList<>();
            List<String> edited = new ArrayList<>();
            for (TenantDocuments.Source file : files) {
                var state = TenantFiles.find(bound, nameOf(file));
                switch (TenantFiles.verdict(state, file.content())) {
                    case UNCHANGED -> { }
                    case APPLY -> changed.add(file);
                    case EDITED_IN_APP -> edited.add(file.path() + " changed, but what it declares was "
                            + TenantFiles.drift(state).orElseThrow());
                }
            }
            if (edited.isEmpty()) {
                apply.addAll(changed);
            } else {
                warnings.add("library system " + slug + ": none of its files were applied, so no edit made in the app is "
                        + "replaced: " + String.join("; ", edited) + ". Plan and apply the files explicitly to replace the "
                        + "edit, or export tenant.yaml from the app into the folder.");
            }
            files.stream().filter(f -> nameOf(f).equals(TenantDocuments.FILE_NAME))
                    .filter(f -> !apply.contains(f)).forEach(notApplied::add);
        });
        return new StartupChoice(apply, notApplied, warnings);
    }

    /** What the app edited since the file was last applied, if it did. */
    @Transactional
    public java.util.Optional<TenantFile> state(TenantId tenant, String fileName) {
        return TenantFiles.find(directory.bound(tenant), fileName);
    }

    static String nameOf(TenantDocuments.Source source) {
        Path name = Path.of(source.path()).getFileName();
        return name == null ? "" : name.toString();
    }

    private static String folderOf(TenantDocuments.Source source) {
        Path parent = Path.of(source.path()).getParent();
        return parent == null || parent.getFileName() == null ? "" : parent.getFileName().toString();
    }
}
