package org.servicepoint.bans.control;

import java.time.ZoneId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.servicepoint.tenancy.control.TenantSpec;

/** What bans need to know of a library system: its time zone (for dates) and its branches by code. */
public record Library(ZoneId zone, Map<String, String> branches) {

    public Library {
        branches = Collections.unmodifiableMap(new LinkedHashMap<>(branches));
    }

    public static Library of(TenantSpec spec) {
        Map<String, String> branches = new LinkedHashMap<>();
        spec.branches().forEach(b -> branches.put(b.code(), b.name()));
        return new Library(ZoneId.of(spec.timeZone()), branches);
    }

    public boolean hasBranch(String code) {
        return code != null && branches.containsKey(code);
    }
}
