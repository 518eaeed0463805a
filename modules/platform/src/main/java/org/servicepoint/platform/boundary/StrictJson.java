package org.servicepoint.platform.boundary;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * JSON binding for the whole API, as JSON-B does it by default except that a field the form does not know is
 * refused (400) instead of dropped: a misspelt field name would otherwise be lost without a word.
 */
@Provider
public class StrictJson implements ContextResolver<Jsonb> {

    /** Yasson's switch (Payara's JSON-B); other implementations ignore it. */
    static final String FAIL_ON_UNKNOWN = "jsonb.fail-on-unknown-properties";

    private final Jsonb jsonb = JsonbBuilder.create(new JsonbConfig().setProperty(FAIL_ON_UNKNOWN, true));

    @Override
    public Jsonb getContext(Class<?> type) {
        return jsonb;
    }
}
