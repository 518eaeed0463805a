package org.servicepoint.bans.control;

import java.time.ZoneId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.servicepoint.tenancy.control.TenantOutline;

/** What bans need to know of a library system: its time zone (for dates) and its branches by code. */
public record Library(ZoneId zone, Map<String, String> branches) {

    public Library {
        branches = Collections.unmodifiableMap(new LinkedHashMap<>(branches));
    }

    public static Library of(TenantOutline outline) {
        return new Library(outline.zone(), outline.branchNames());
    }

    public boolean hasBranch(String code) {
        return code != null && branches.containsKey(code);
    }
}
