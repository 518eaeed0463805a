package org.servicepoint.incidents.forms.control;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.json.bind.annotation.JsonbTransient;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A library system's incident form: questions for every report, and per category its own questions, guidance,
 * recipients and steps. {@link #normalised()} fills every default in, so two documents that mean the same have
 * the same canonical JSON and the same hash.
 */
@Schema(name = "IncidentFormDefinition", description = "The shape of tenants/<slug>/incident-form.yaml")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FormDefinition(
        @Schema(example = "Incident report") String title,
        @Schema(description = "shown with every category") List<String> guidance,
        @Schema(description = "asked in every report") List<Field> fields,
        List<Category> categories,
        @Schema(description = "when a signed report must have reached its recipients; absent: the end of the day of the "
                + "incident in the library system's time zone")
        DeliveryDeadline deliveryDeadline) {

    public static final String DEFAULT_TITLE = "Incident report";

    public FormDefinition(String title, List<String> guidance, List<Field> fields, List<Category> categories) {
        this(title, guidance, fields, categories, null);
    }

    /**
     * The deadline of distribution: {@code time} (HH:MM, local; "24:00" is the end of the day) on the day of the
     * incident plus {@code daysAfterIncident}.
     */
    @Schema(name = "IncidentDeliveryDeadline")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DeliveryDeadline(@Schema(example = "0") Integer daysAfterIncident, @Schema(example = "24:00") String time) {

        public static final DeliveryDeadline END_OF_INCIDENT_DAY = new DeliveryDeadline(0, "24:00");

        DeliveryDeadline normalised() {
            DeliveryDeadline n = new DeliveryDeadline(daysAfterIncident == null ? 0 : daysAfterIncident, time == null ? "24:00" : time.strip());
            // The default is left out, so forms written before deadlines existed keep their hash.
            return n.equals(END_OF_INCIDENT_DAY) ? null : n;
        }
    }

    /** The deadline rule in force for reports on this form. */
    public DeliveryDeadline deadline() {
        return deliveryDeadline == null ? DeliveryDeadline.END_OF_INCIDENT_DAY : deliveryDeadline;
    }

    public FormDefinition {
        guidance = guidance == null ? List.of() : List.copyOf(guidance);
        fields = fields == null ? List.of() : List.copyOf(fields);
        categories = categories == null ? List.of() : List.copyOf(categories);
    }

    /** One question. */
    @Schema(name = "IncidentFormField")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Field(
            @Schema(example = "location") String key,
            @Schema(example = "Where in the library") String label,
            @Schema(enumeration = {"text", "long-text", "date-time", "choice", "multi-choice", "yes-no", "number", "staff-member"})
            String type,
            Boolean required,
            @Schema(description = "for choice and multi-choice") List<String> choices,
            @Schema(description = "for text and long-text, in characters") Integer maxLength,
            @Schema(description = "a hint shown under the question") String help) {

        @JsonbTransient
        public FieldType fieldType() {
            return FieldType.ofCode(type).orElseThrow(() -> new IllegalStateException("unchecked field type " + type));
        }

        @JsonbTransient
        public boolean mandatory() {
            return Boolean.TRUE.equals(required);
        }

        Field normalised() {
            FieldType t = FieldType.ofCode(type).orElse(null);
            Integer max = maxLength;
            if (t != null && t.isText() && max == null) {
                max = t.defaultMaxLength();
            }
            return new Field(key, label == null ? null : label.strip(), type, Boolean.TRUE.equals(required),
                    choices == null ? null : List.copyOf(choices), max, help == null ? null : help.strip());
        }
    }

    /** One kind of incident as this library system handles it. */
    @Schema(name = "IncidentFormCategory")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Category(
            @Schema(example = "accident-injury") String code,
            @Schema(example = "Accident or injury") String title,
            @Schema(description = "shown to staff while they report this kind of incident") List<String> guidance,
            @Schema(description = "asked only for this category, after the form's own fields") List<Field> fields,
            @Schema(description = "position codes who receive these reports; absent: every position that may "
                    + "receive-incident-reports") List<String> recipients,
            @Schema(description = "headquarters must be called (and the call recorded) before signing")
            Boolean verbalReportToHeadquarters,
            @Schema(description = "a person in charge countersigns after the reporter") Boolean countersignature) {

        public Category {
            guidance = guidance == null ? List.of() : List.copyOf(guidance);
            fields = fields == null ? List.of() : List.copyOf(fields);
            recipients = recipients == null ? null : List.copyOf(recipients);
        }

        @JsonbTransient
        public boolean needsVerbalReport() {
            return Boolean.TRUE.equals(verbalReportToHeadquarters);
        }

        @JsonbTransient
        public boolean needsCountersignature() {
            return Boolean.TRUE.equals(countersignature);
        }

        Category normalised() {
            String t = title != null ? title.strip() : IncidentCategory.ofCode(code).map(IncidentCategory::title).orElse(code);
            return new Category(code, t, guidance.stream().map(String::strip).toList(), fields.stream().map(Field::normalised).toList(),
                    recipients, Boolean.TRUE.equals(verbalReportToHeadquarters), Boolean.TRUE.equals(countersignature));
        }
    }

    public FormDefinition normalised() {
        return new FormDefinition(title == null ? DEFAULT_TITLE : title.strip(), guidance.stream().map(String::strip).toList(),
                fields.stream().map(Field::normalised).toList(), categories.stream().map(Category::normalised).toList(),
                deliveryDeadline == null ? null : deliveryDeadline.normalised());
    }

    public Optional<Category> category(String code) {
        return categories.stream().filter(c -> c.code().equals(code)).findFirst();
    }

    /** The form's own fields, then the category's, by key, in the order they are asked. */
    public Map<String, Field> fieldsFor(Category category) {
        Map<String, Field> all = new LinkedHashMap<>();
        fields.forEach(f -> all.put(f.key(), f));
        category.fields().forEach(f -> all.put(f.key(), f));
        return all;
    }

    /** What staff are shown while reporting this category: the form's guidance, then the category's. */
    public List<String> guidanceFor(Category category) {
        List<String> all = new ArrayList<>(guidance);
        all.addAll(category.guidance());
        return List.copyOf(all);
    }
}
