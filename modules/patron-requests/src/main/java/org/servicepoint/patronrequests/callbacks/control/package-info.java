/** The call-back queue: due times from opening hours, the queue per branch, overdue notices, matters, retention. */
package org.servicepoint.patronrequests.callbacks.control;
