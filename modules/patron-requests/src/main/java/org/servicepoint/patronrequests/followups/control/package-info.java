/**
 * Follow-ups on any matter, updates to patrons (recorded, and mailed from the library system's templates through the
 * incidents outbox), a matter's history, escalations as matters, headquarters' overview, their retention.
 */
package org.servicepoint.patronrequests.followups.control;
