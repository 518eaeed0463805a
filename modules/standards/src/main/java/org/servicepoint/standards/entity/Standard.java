package org.servicepoint.standards.entity;

/**
 * One entry of the shared catalogue. Its {@code id} never changes and is never given to another entry; its
 * {@code version} goes up whenever its words change, so a library system can be told what to look at again. An entry
 * the platform no longer recommends is {@code retired}, not deleted, so library systems that adopted it are told
 * rather than broken.
 */
public record Standard(String id, StandardKind kind, int version, boolean retired, Wording text) {
}
