package org.servicepoint.standards.control;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.servicepoint.platform.control.Refusal.Violation;
import org.servicepoint.standards.entity.StandardKind;
import org.servicepoint.standards.entity.StandardText;
import org.servicepoint.standards.entity.StandardText.Choice;
import org.servicepoint.standards.entity.StandardText.MethodStep;

/**
 * What a complete text of each kind has, for the catalogue's entries and a library system's own entries and
 * rewordings alike; and, for the catalogue only, that its Spanish says as much as its English.
 */
final class TextRules {

    /** A method is a sequence: one step is a tip, not a method. */
    static final int MIN_METHOD_STEPS = 2;
    /** A checklist of fewer items is a sentence. */
    static final int MIN_CHECKLIST_ITEMS = 3;

    private TextRules() {
    }

    /** The problems of {@code text} as a complete text of {@code kind}; {@code path} is where it is, e.g. {@code standards[2].text.en}. */
    static List<Violation> complete(StandardKind kind, StandardText text, String path) {
        List<Violation> found = new ArrayList<>();
        for (String part : text.partsGiven()) {
            if (!kind.uses(part)) {
                found.add(new Violation(path + "." + part, "is not part of a " + kind.code()));
            }
        }
        if (isBlank(text.title())) {
            found.add(new Violation(path + ".title", "is missing"));
        }
        if (isBlank(text.summary())) {
            found.add(new Violation(path + ".summary", "is missing"));
        }
        for (String part : kind.requiredParts()) {
            if (!text.partsGiven().contains(part)) {
                found.add(new Violation(path + "." + part, "is missing; a " + kind.code() + " needs it"));
            }
        }
        if (kind == StandardKind.METHOD && !text.steps().isEmpty() && text.steps().size() < MIN_METHOD_STEPS) {
            found.add(new Violation(path + ".steps", "a method has at least " + MIN_METHOD_STEPS + " steps"));
        }
        if (kind == StandardKind.CHECKLIST && !text.points().isEmpty() && text.points().size() < MIN_CHECKLIST_ITEMS) {
            found.add(new Violation(path + ".points", "a checklist has at least " + MIN_CHECKLIST_ITEMS + " items"));
        }
        if (kind == StandardKind.SCENARIO && text.scenario() != null) {
            found.addAll(scenario(text.scenario(), path + ".scenario"));
        }
        return found;
    }

    private static List<Violation> scenario(StandardText.Scenario scenario, String path) {
        List<Violation> found = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < scenario.choices().size(); i++) {
            if (!keys.add(scenario.choices().get(i).key())) {
                found.add(new Violation(path + ".choices[" + i + "].key", "\"" + scenario.choices().get(i).key()
                        + "\" is given to two choices"));
            }
        }
        if (scenario.recommended() != null && !keys.contains(scenario.recommended())) {
            found.add(new Violation(path + ".recommended", "\"" + scenario.recommended() + "\" is none of the choices "
                    + scenario.choices().stream().map(Choice::key).toList()));
        }
        return found;
    }

    /**
     * The catalogue's translation check: the Spanish text ({@code path} is where it is) has as many points, things to
     * avoid, steps and examples as the English, and its scenario the same choices and recommendation.
     */
    static List<Violation> sameShape(StandardText english, StandardText spanish, String path) {
        List<Violation> found = new ArrayList<>();
        count(found, path + ".points", spanish.points().size(), english.points().size());
        count(found, path + ".avoid", spanish.avoid().size(), english.avoid().size());
        count(found, path + ".steps", spanish.steps().size(), english.steps().size());
        for (int i = 0; i < Math.min(english.steps().size(), spanish.steps().size()); i++) {
            MethodStep en = english.steps().get(i);
            MethodStep es = spanish.steps().get(i);
            count(found, path + ".steps[" + i + "].say", es.say().size(), en.say().size());
            count(found, path + ".steps[" + i + "].avoid", es.avoid().size(), en.avoid().size());
        }
        if (english.scenario() != null && spanish.scenario() != null) {
            List<String> enKeys = english.scenario().choices().stream().map(Choice::key).toList();
            List<String> esKeys = spanish.scenario().choices().stream().map(Choice::key).toList();
            if (!enKeys.equals(esKeys)) {
                found.add(new Violation(path + ".scenario.choices", "has the choices " + esKeys + " but the English has " + enKeys));
            }
            if (!Objects.equals(english.scenario().recommended(), spanish.scenario().recommended())) {
                found.add(new Violation(path + ".scenario.recommended", "recommends \"" + spanish.scenario().recommended()
                        + "\" but the English recommends \"" + english.scenario().recommended() + "\""));
            }
        }
        return found;
    }

    private static void count(List<Violation> found, String field, int spanish, int english) {
        if (spanish != english) {
            found.add(new Violation(field, "has " + spanish + " item(s) but the English has " + english));
        }
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
