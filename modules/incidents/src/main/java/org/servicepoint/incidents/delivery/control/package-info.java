/**
 * Same-day mail of complete reports through a transactional outbox: planning, the worker, deadlines, overdue notices,
 * notices about no report, and the mail texts. Depends on the reports component, never the other way round.
 */
package org.servicepoint.incidents.delivery.control;
