package org.servicepoint.patronrequests.reconsideration.control;

import java.util.UUID;

/** A request received: its id, and the reference the patron is given (R-2026-0042). */
public record Received(UUID id, String reference) {
}
