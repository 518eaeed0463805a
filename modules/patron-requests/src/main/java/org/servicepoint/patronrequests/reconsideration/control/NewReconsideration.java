package org.servicepoint.patronrequests.reconsideration.control;

/**
 * A request to reconsider a library item as the patron wrote it on the public form, unchecked: the item (title ≤300,
 * author ≤200, format book|audio|video|ebook|magazine|other), what they object to (≤4000), how much of it they read,
 * viewed or heard (whole|part|not) and what they ask the library to do (≤1000, optional). Refusals name these fields.
 */
public record NewReconsideration(String title, String author, String format, String objection, String consumed, String asks) {
}
