package org.servicepoint.patronrequests.callbacks.control;

import org.servicepoint.patronrequests.control.PatronContact;

/** A call-back as offered at the desk: the branch, the patron's question, how to reach them, an optional retry key. */
public record NewCallBack(String branch, String question, PatronContact contact, String key) {
}
