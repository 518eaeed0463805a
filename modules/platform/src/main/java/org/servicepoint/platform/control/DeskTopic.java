package org.servicepoint.platform.control;

/**
 * One answer to a desk search.
 *
 * @param kind    what it is: policy, principle, method, response-guide, phone-and-email, checklist, scenario
 * @param id      its id within its kind (a policy key, a standard id)
 * @param title   its title in the asked language
 * @param snippet a short plain-text passage around the matched words (no markup)
 * @param rank    how well it matches, 0 to 1, comparable across providers
 */
public record DeskTopic(String kind, String id, String title, String snippet, double rank) {
}
