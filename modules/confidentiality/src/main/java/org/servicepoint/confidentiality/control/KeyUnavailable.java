package org.servicepoint.confidentiality.control;

/**
 * A tenant's key cannot be used: its master key is not configured, or the configured one does not unwrap it
 * (a wrong master key, or a wrapped key changed in the database). An operator's problem, never the caller's;
 * the message names ids and versions, never key material.
 */
public class KeyUnavailable extends RuntimeException {

    public KeyUnavailable(String message) {
        super(message);
    }
}
