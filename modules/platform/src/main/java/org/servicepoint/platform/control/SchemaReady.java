package org.servicepoint.platform.control;

/** CDI event fired once all modules' migrations are applied; start-up work that touches data waits for it. */
public record SchemaReady(int modules) {
}
