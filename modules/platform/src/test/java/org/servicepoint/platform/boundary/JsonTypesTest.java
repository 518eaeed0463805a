package org.servicepoint.platform.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.MediaType;
import java.io.StringReader;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.servicepoint.platform.control.Refusal.Violation;

/** A JSON body is refused where a value has another JSON type than the field it would be read into. */
class JsonTypesTest {

    enum Scope { BRANCH, SYSTEM }

    record Period(String recordType, Integer days) {
    }

    record Form(String reason, int version, Boolean confirm, Scope scope, UUID patron, OffsetDateTime at, List<UUID> patrons,
                Map<String, Object> answers, List<Period> periods) {
    }

    static List<Violation> check(String json) {
        JsonValue value = Json.createReader(new StringReader(json)).readValue();
        return JsonTypes.check(Form.class, value);
    }

    static List<String> fields(List<Violation> violations) {
        return violations.stream().map(Violation::field).toList();
    }

    @Test
    void a_body_whose_values_have_the_types_of_the_fields_passes() {
        assertThat(check("""
                {"reason": "Threats", "version": 3, "confirm": true, "scope": "BRANCH",
                 "patron": "6f1c2d3e-0000-4000-8000-000000000001", "at": "2026-03-10T13:30:00-05:00",
                 "patrons": ["6f1c2d3e-0000-4000-8000-000000000001"],
                 "answers": {"location": "Lobby", "count": 2, "called": false, "what": ["a"], "more": {"x": 1}},
                 "periods": [{"recordType": "escalation", "days": 30}], "unknown": 5}
                """)).isEmpty();
    }

    @Test
    void nulls_and_absent_fields_are_left_to_bean_validation() {
        assertThat(check("{\"reason\": null, \"patrons\": [null], \"answers\": {\"location\": null}}")).isEmpty();
    }

    @Test
    void a_number_or_a_list_where_text_belongs_is_refused_naming_the_field() {
        List<Violation> refused = check("{\"reason\": 42, \"scope\": [\"BRANCH\"], \"patron\": {}, \"at\": 1700000000}");
        assertThat(fields(refused)).containsExactly("reason", "scope", "patron", "at");
        assertThat(refused.get(0).message()).isEqualTo("must be text, not a number");
        assertThat(refused.get(1).message()).isEqualTo("must be text, not a list");
    }

    @Test
    void an_empty_list_where_answers_belong_is_refused_rather_than_read_as_no_answers() {
        List<Violation> refused = check("{\"answers\": []}");
        assertThat(refused).extracting(Violation::field, Violation::message).containsExactly(
                org.assertj.core.groups.Tuple.tuple("answers", "must be an object, not a list"));
    }

    @Test
    void text_where_a_number_or_a_flag_belongs_and_a_flag_where_a_number_belongs_are_refused() {
        assertThat(fields(check("{\"version\": \"3\", \"confirm\": \"true\"}"))).containsExactly("version", "confirm");
        assertThat(fields(check("{\"version\": true, \"confirm\": 1}"))).containsExactly("version", "confirm");
    }

    @Test
    void values_inside_lists_and_nested_objects_are_checked_with_their_path() {
        assertThat(fields(check("{\"patrons\": [\"6f1c2d3e-0000-4000-8000-000000000001\", 7], "
                + "\"periods\": [{\"recordType\": \"escalation\", \"days\": \"30\"}, {\"recordType\": 5}], \"answers\": 3}")))
                .containsExactly("patrons[1]", "answers", "periods[0].days", "periods[1].recordType");
        assertThat(fields(check("{\"periods\": {\"recordType\": \"escalation\"}}"))).containsExactly("periods");
        assertThat(fields(JsonTypes.check(Form.class, Json.createArrayBuilder().build()))).containsExactly("body");
    }

    @Test
    void a_hostile_body_with_thousands_of_wrong_values_is_named_only_so_far() {
        StringBuilder patrons = new StringBuilder("{\"patrons\": [1");
        patrons.append(", 1".repeat(5_000)).append("]}");
        assertThat(check(patrons.toString())).hasSize(JsonTypes.MAX_VIOLATIONS);
    }

    @Test
    void only_json_bodies_read_into_typed_forms_are_checked() {
        assertThat(JsonTypes.isJson(MediaType.APPLICATION_JSON_TYPE)).isTrue();
        assertThat(JsonTypes.isJson(new MediaType("application", "merge-patch+json"))).isTrue();
        assertThat(JsonTypes.isJson(new MediaType("text", "csv"))).isFalse();
        assertThat(JsonTypes.isJson(null)).isFalse();
        assertThat(JsonTypes.checked(Form.class)).isTrue();
        assertThat(JsonTypes.checked(String.class)).isFalse();
        assertThat(JsonTypes.checked(java.io.InputStream.class)).isFalse();
    }

    @Test
    void a_body_nested_deeper_than_the_parser_takes_or_no_json_at_all_is_left_to_json_b_to_refuse() {
        String deep = "{\"a\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}";
        assertThat(JsonTypes.parsed(deep.getBytes(java.nio.charset.StandardCharsets.UTF_8))).isNull();
        assertThat(JsonTypes.parsed("{\"a\": ".getBytes(java.nio.charset.StandardCharsets.UTF_8))).isNull();
        assertThat(JsonTypes.parsed("{\"a\": 1}".getBytes(java.nio.charset.StandardCharsets.UTF_8))).isNotNull();
    }
}
