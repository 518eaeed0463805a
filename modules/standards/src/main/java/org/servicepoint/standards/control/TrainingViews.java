package org.servicepoint.standards.control;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the training endpoints answer. */
public final class TrainingViews {

    private TrainingViews() {
    }

    /** A scenario to go through; {@code chosen} is the caller's latest answer, null until answered. */
    @Schema(name = "TrainingScenario")
    public record Scenario(String id, String title, String situation, List<StandardView.Choice> choices, boolean done,
                           String chosen) {
    }

    /** What an answer gets back: whether it was the recommended choice, which one is, and why. */
    @Schema(name = "TrainingAnswer")
    public record Answer(String scenario, String chosen, boolean correct, String recommended, String why, OffsetDateTime at) {
    }

    /** Who has gone through how many of the library system's scenarios. */
    @Schema(name = "TrainingCompletion")
    public record Completion(int scenarios, List<Person> staff) {
    }

    @Schema(name = "TrainingCompletionPerson")
    public record Person(UUID staffId, String tagName, String branch, int done) {
    }

    /** The catalogue changes since the version the library system reviewed. */
    @Schema(name = "CatalogueChanges")
    public record Changes(int reviewedVersion, int currentVersion, List<Change> changes) {
    }

    @Schema(name = "CatalogueChangeItem")
    public record Change(String id, String kind,
                         @Schema(enumeration = {"added", "changed", "retired", "removed"}) String what,
                         Integer fromVersion, Integer toVersion, List<String> changedParts,
                         @Schema(description = "the library system's staff see it (or, for a new entry, will)") boolean adopted,
                         @Schema(description = "languages the library system had put it in its own words") List<String> rewordedIn) {
    }
}
