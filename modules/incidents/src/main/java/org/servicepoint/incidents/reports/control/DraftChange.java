package org.servicepoint.incidents.reports.control;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** An autosave of a draft: the whole set of answers, and optionally a corrected time and the patrons concerned. */
public record DraftChange(Map<String, Object> answers, OffsetDateTime occurredAt, List<UUID> patronReferences) {
}
