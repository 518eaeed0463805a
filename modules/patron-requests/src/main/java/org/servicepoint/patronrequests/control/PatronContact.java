package org.servicepoint.patronrequests.control;

/**
 * How a patron asked to be reached, in the clear: only inside a transaction, never stored like this (see
 * {@link PatronContacts}). {@code language} is the language they wrote in (en or es), for mail to them.
 */
public record PatronContact(String name, String email, String phone, String language) {
}
