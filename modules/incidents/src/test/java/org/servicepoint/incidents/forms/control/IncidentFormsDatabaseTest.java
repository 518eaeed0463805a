package org.servicepoint.incidents.forms.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.servicepoint.incidents.IncidentsDatabase.inTenant;

import com.networknt.schema.InputFormat;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.servicepoint.incidents.Fixtures;
import org.servicepoint.incidents.IncidentsDatabase;
import org.servicepoint.incidents.forms.entity.IncidentFormVersion;
import org.servicepoint.incidents.reports.control.DraftChange;
import org.servicepoint.incidents.reports.control.IncidentReportStore;
import org.servicepoint.incidents.reports.control.NewReport;
import org.servicepoint.incidents.reports.control.ReportView;
import org.servicepoint.platform.control.Caller;

/** Form versions on real PostgreSQL: the hash decides, earlier versions stay, reports keep theirs. */
class IncidentFormsDatabaseTest {

    static final String TENANT = "inc-forms";
    static final String FRESH = "inc-forms-fresh";

    static final String V1 = Fixtures.THEFT_FORM;

    @BeforeAll
    static void libraries() {
        IncidentsDatabase.tenant(TENANT);
        IncidentsDatabase.tenant(FRESH);
    }

    static IncidentFormStore.Published publish(String tenant, String yaml) {
        return inTenant(tenant, em -> new IncidentFormStore(Fixtures.CLOCK).publish(em,
                FormDocuments.read("form", yaml, InputFormat.YAML, null), "test", "staff:dee"));
    }

    static int version(IncidentFormStore.Published p) {
        return p.current().version();
    }

    @Test
    void the_same_content_is_the_same_version_a_change_is_the_next_and_old_reports_keep_theirs() {
        IncidentFormStore.Published first = publish(TENANT, V1);
        assertThat(first.changed()).isTrue();
        IncidentFormStore.Published again = publish(TENANT, "# same form, other layout\n" + V1.replace("required: true", "required: true, maxLength: 200"));
        assertThat(again.changed()).isFalse();
        assertThat(version(again)).isEqualTo(version(first));

        Caller sam = Fixtures.assistant(TENANT);
        IncidentReportStore reports = Fixtures.reports(TENANT);
        ReportView onFirst = inTenant(TENANT, em -> reports.create(em, sam, new IncidentFormStore(Fixtures.CLOCK).current(em).orElseThrow(),
                new NewReport("theft", null, null, Map.of("location", "Lobby"), List.of()), Fixtures.roster()));
        assertThat(onFirst.formVersion()).isEqualTo(version(first));

        IncidentFormStore.Published second = publish(TENANT, V1.replace("label: Where", "label: Where exactly")
                + "  - code: vandalism\n");
        assertThat(second.changed()).isTrue();
        assertThat(version(second)).isEqualTo(version(first) + 1);
        assertThat(second.current().contentHash()).isNotEqualTo(first.current().contentHash());

        ReportView stillFirst = inTenant(TENANT, em -> reports.read(em, sam, onFirst.id()));
        assertThat(stillFirst.formVersion()).isEqualTo(version(first));
        assertThat(stillFirst.formHash()).isEqualTo(first.current().contentHash());
        assertThat(stillFirst.questions()).extracting(FormDefinition.Field::label).containsExactly("Where");
        // Saving the old draft checks it against its own version, not the new one.
        ReportView saved = inTenant(TENANT, em -> reports.saveDraft(em, sam, onFirst.id(),
                new DraftChange(Map.of("location", "Stacks"), null, null), Fixtures.roster()));
        assertThat(saved.formVersion()).isEqualTo(version(first));

        List<IncidentFormVersion> versions = inTenant(TENANT, em -> new IncidentFormStore(Fixtures.CLOCK).versions(em));
        assertThat(versions).extracting(IncidentFormVersion::version).containsExactly(version(second), version(first));
        assertThat(IncidentFormStore.definition(versions.get(0)).category("vandalism")).isPresent();
        assertThat(IncidentFormStore.definition(versions.get(1)).category("vandalism")).isEmpty();
    }

    @Test
    void the_first_report_of_a_library_system_without_a_form_adopts_the_built_in_one_as_version_1() {
        IncidentFormStore.Published adopted = inTenant(FRESH, em -> new IncidentFormStore(Fixtures.CLOCK).currentOrDefault(em, "staff:sam"));
        assertThat(adopted.changed()).isTrue();
        assertThat(adopted.current().version()).isEqualTo(1);
        assertThat(adopted.current().source()).isEqualTo(IncidentFormStore.DEFAULT_SOURCE);
        assertThat(adopted.current().contentHash()).isEqualTo(FormDocuments.defaultForm().hash());
        IncidentFormStore.Published later = inTenant(FRESH, em -> new IncidentFormStore(Fixtures.CLOCK).currentOrDefault(em, "staff:sam"));
        assertThat(later.changed()).isFalse();
        // Publishing the built-in form's content explicitly is the same version.
        IncidentFormStore.Published same = inTenant(FRESH, em -> new IncidentFormStore(Fixtures.CLOCK).publish(em,
                FormDocuments.defaultForm(), "api", "staff:dee"));
        assertThat(same.changed()).isFalse();
        assertThat(same.current().publishedAt()).isBefore(OffsetDateTime.now().plusDays(1));
    }
}
