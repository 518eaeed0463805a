package org.servicepoint.patronrequests.control;

import java.util.UUID;

/** One matter: its kind and its id in that kind's table (an escalation's id is staffing's). */
public record MatterRef(MatterKind kind, UUID id) {
}
