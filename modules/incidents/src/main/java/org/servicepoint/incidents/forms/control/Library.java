package org.servicepoint.incidents.forms.control;

import java.time.ZoneId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.servicepoint.tenancy.control.TenantOutline;
import org.servicepoint.tenancy.control.TenantSpec;

/**
 * What incident reports need to know about a library system: its name, time zone and language, its branches,
 * and its positions with what each may do. Read once per request, inside the report's transaction.
 */
public record Library(String slug, String name, ZoneId zone, Locale locale, Map<String, String> branches,
                      Map<String, Position> positions) {

    /** Permission codes of the chain of command that incident reports use (see tenancy's tenant file schema). */
    public static final String SIGN = "sign-incident-reports";
    public static final String COUNTERSIGN = "countersign-incident-reports";
    public static final String RECEIVE = "receive-incident-reports";

    public record Position(String code, String name, Set<String> may) {
        public Position {
            may = Set.copyOf(may);
        }
    }

    public Library {
        branches = Collections.unmodifiableMap(new LinkedHashMap<>(branches));
        positions = Collections.unmodifiableMap(new LinkedHashMap<>(positions));
    }

    public static Library of(TenantSpec spec) {
        return of(TenantOutline.of(spec));
    }

    /** From the outline: what incident reports need, without the hours, desks and closures of every branch. */
    public static Library of(TenantOutline outline) {
        Map<String, Position> positions = new LinkedHashMap<>();
        outline.positions().forEach(p -> positions.put(p.code(), new Position(p.code(), p.name(), Set.copyOf(p.may()))));
        return new Library(outline.slug(), outline.name(), outline.zone(), outline.language(), outline.branchNames(), positions);
    }

    public boolean positionMay(String positionCode, String permission) {
        Position position = positionCode == null ? null : positions.get(positionCode);
        return position != null && position.may().contains(permission);
    }

    public String positionName(String code) {
        Position position = code == null ? null : positions.get(code);
        return position == null ? code : position.name();
    }

    public String branchName(String code) {
        return branches.getOrDefault(code, code);
    }

    /** Who receives reports of a category: the positions it names, else every position that may receive them. */
    public List<String> recipients(FormDefinition.Category category) {
        if (category.recipients() != null) {
            return category.recipients();
        }
        return positions.values().stream().filter(p -> p.may().contains(RECEIVE)).map(Position::code).toList();
    }
}
