package org.servicepoint.patronrequests.control;

import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.servicepoint.platform.control.Refusal.Violation;
import org.servicepoint.platform.control.SchemaDocuments;
import org.servicepoint.platform.control.Text;

/** Reads and checks {@code patron-requests.yaml}: the schema, then the positions it names against the library system's. */
public final class RulesDocuments {

    public static final String FILE_NAME = "patron-requests.yaml";

    private static final SchemaDocuments DOCUMENTS = SchemaDocuments.described(
            "https://servicepoint.invalid/schemas/patron-requests-v1.json", "org/servicepoint/patronrequests/patron-requests.schema.json");
    private static final JsonSchema FILE = DOCUMENTS.schema("");

    private RulesDocuments() {
    }

    /** The file checked against {@code positions} (the library system's position codes); refused with every problem and its line. */
    public static PatronRequestRules read(String source, String text, InputFormat format, Set<String> positions) {
        SchemaDocuments.Read<PatronRequestRules> read = DOCUMENTS.read(source, text, format, FILE, PatronRequestRules.class);
        PatronRequestRules rules = read.value();
        List<Violation> found = new ArrayList<>();
        PatronRequestRules.Complaints complaints = rules.complaints();
        position(found, "complaints.handledBy", complaints.handledBy(), positions);
        for (int i = 0; i < complaints.headquarters().size(); i++) {
            position(found, "complaints.headquarters[" + i + "]", complaints.headquarters().get(i), positions);
        }
        if (rules.reconsideration() != null) {
            List<String> committee = rules.reconsideration().committee();
            for (int i = 0; i < committee.size(); i++) {
                position(found, "reconsideration.committee[" + i + "]", committee.get(i), positions);
            }
            Set<String> steps = new HashSet<>();
            for (int i = 0; i < rules.reconsideration().steps().size(); i++) {
                if (!steps.add(rules.reconsideration().steps().get(i).step())) {
                    found.add(new Violation("reconsideration.steps[" + i + "].step", Text.of("patronrequests.rules.step-twice")));
                }
            }
        }
        PatronRequestRules.CallBacks callBacks = rules.callBacks();
        if ("within-opening-hours".equals(callBacks.due()) != (callBacks.withinHours() != null)) {
            found.add(new Violation("callBacks.withinHours", Text.of("patronrequests.rules.within-hours")));
        }
        return read.checked(found);
    }

    /** Text applied earlier, read again without the position check (positions may have changed since). */
    static PatronRequestRules readUnchecked(String source, String text) {
        return DOCUMENTS.read(source, text, InputFormat.YAML, FILE, PatronRequestRules.class).value();
    }

    private static void position(List<Violation> found, String field, String code, Set<String> positions) {
        if (code != null && !positions.contains(code)) {
            found.add(new Violation(field, Text.of("patronrequests.rules.no-position", code)));
        }
    }
}
