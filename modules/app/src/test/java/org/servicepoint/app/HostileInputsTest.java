package org.servicepoint.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

class HostileInputsTest {

    static final Map<String, Object> EXAMPLE = new LinkedHashMap<>(Map.of("situation", "difficult-situation", "note", "Shouting"));
    static final HostileInputs.Target TARGET = new HostileInputs.Target("POST", "tenants/a/escalations", "tenants/b/escalations",
            EXAMPLE, Set.of("situation"), Set.of("situation", "branch"), Map.of("branch", List.of("LAW")));

    @Provide
    Arbitrary<HostileInputs.Request> escalations() {
        return HostileInputs.requests(TARGET);
    }

    @Property(tries = 1000, seed = "42")
    void no_request_is_the_valid_example_sent_where_it_would_be_accepted(@ForAll("escalations") HostileInputs.Request request) {
        byte[] valid = HostileInputs.encode(HostileInputs.toJson(EXAMPLE));
        boolean asValid = request.path().equals(TARGET.path()) && request.contentType().equals("application/json")
                && Arrays.equals(request.body(), valid);
        assertThat(asValid).as(request.shown()).isFalse();
        String body = new String(request.body(), StandardCharsets.UTF_8);
        Statistics.label("other tenant's path").collect(request.path().equals(TARGET.otherTenantPath()));
        Statistics.label("unknown field").collect(body.contains("\"x_"));
        Statistics.label("other tenant's id").collect(body.contains("\"LAW\""));
        Statistics.label("larger than 64 KiB").collect(request.body().length > 64 * 1024);
        Statistics.label("no UTF-8").collect(body.contains("\uFFFD"));
        Statistics.label("not an object").collect(!body.startsWith("{"));
        Statistics.label("no text where text belongs").collect(body.matches("(?s).*\"note\":(-?[0-9]|true|false|\\[|\\{).*"));
        Statistics.label("other tenant's path").coverage(c -> c.check(true).count(n -> n > 10));
        Statistics.label("unknown field").coverage(c -> c.check(true).count(n -> n > 10));
        Statistics.label("other tenant's id").coverage(c -> c.check(true).count(n -> n > 10));
        Statistics.label("larger than 64 KiB").coverage(c -> c.check(true).count(n -> n > 5));
        Statistics.label("no UTF-8").coverage(c -> c.check(true).count(n -> n > 5));
        Statistics.label("not an object").coverage(c -> c.check(true).count(n -> n > 10));
        Statistics.label("no text where text belongs").coverage(c -> c.check(true).count(n -> n > 10));
    }

    @Example
    void bytes_that_are_no_utf8_stay_so_on_the_wire() {
        byte[] encoded = HostileInputs.encode("a" + HostileInputs.INVALID_UTF8 + "b");
        assertThat(StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(encoded), java.nio.CharBuffer.allocate(20), true)
                .isError()).isTrue();
    }
}
