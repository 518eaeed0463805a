/**
 * Complaints: recorded by staff (or from a comment card), the position that handles them told first in the app and by
 * mail, opened, responded to and closed, each step audited; overdue ones told to headquarters; purged after the
 * library system's period.
 */
package org.servicepoint.patronrequests.complaints.control;
