package org.servicepoint.patronrequests.entity;

import java.util.UUID;

/** One matter: its kind and its id in that kind's table (an escalation's id is staffing's). */
public record MatterRef(MatterKind kind, UUID id) {
}
