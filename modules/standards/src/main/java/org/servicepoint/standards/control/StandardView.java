package org.servicepoint.standards.control;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.servicepoint.standards.entity.StandardText;

/**
 * One service standard as staff read it, in one language: the library system's words, and beside a rewording the
 * shared original ({@code original}, null when not reworded in this language). A scenario shows its situation and
 * choices here; the recommended choice and why come with an answer in training.
 */
@Schema(name = "ServiceStandard")
@JsonbPropertyOrder({"id", "kind", "own", "title", "summary", "points", "avoid", "steps", "scenario", "reworded", "original",
        "links"})
public record StandardView(
        @Schema(example = "guide.private-area") String id,
        @Schema(enumeration = {"principle", "method", "response-guide", "phone-and-email", "checklist", "scenario"}) String kind,
        @Schema(description = "the library system's own entry, not from the shared catalogue") boolean own,
        String title, String summary, List<String> points, List<String> avoid, List<Step> steps, ScenarioText scenario,
        @Schema(description = "the library system put this shared entry in its own words in this language") boolean reworded,
        @Schema(description = "the shared catalogue's words, when reworded") Words original,
        Links links) {

    /** A method's step. */
    public record Step(String name, String action, List<String> say, List<String> avoid) {
        static List<Step> of(List<StandardText.MethodStep> steps) {
            return steps.stream().map(s -> new Step(s.name(), s.action(), s.say(), s.avoid())).toList();
        }
    }

    /** A scenario as read before answering: what happens and the choices. */
    public record ScenarioText(String situation, List<Choice> choices) {
        static ScenarioText of(StandardText.Scenario scenario) {
            return scenario == null ? null : new ScenarioText(scenario.situation(), Choice.of(scenario.choices()));
        }
    }

    public record Choice(String key, String text) {
        static List<Choice> of(List<StandardText.Choice> choices) {
            return choices.stream().map(c -> new Choice(c.key(), c.text())).toList();
        }
    }

    /** Words of one entry in one language. */
    @Schema(name = "ServiceStandardWords")
    public record Words(String title, String summary, List<String> points, List<String> avoid, List<Step> steps,
                        ScenarioText scenario) {
        static Words of(StandardText text) {
            return text == null ? null : new Words(text.title(), text.summary(), text.points(), text.avoid(),
                    Step.of(text.steps()), ScenarioText.of(text.scenario()));
        }
    }

    /** Whom to call and what to escalate from a response guide, with the names staff know them by. */
    public record Links(List<Named> positions, List<Named> situations) {
        public static final Links NONE = new Links(List.of(), List.of());
    }

    public record Named(String code, String name) {
    }
}
