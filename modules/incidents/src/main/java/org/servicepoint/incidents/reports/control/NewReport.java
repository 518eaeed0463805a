package org.servicepoint.incidents.reports.control;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A new draft: what kind of incident, where and when; answers may come now or later. */
public record NewReport(String category, String branch, OffsetDateTime occurredAt, Map<String, Object> answers,
                        List<UUID> patronReferences) {
}
