/**
 * Incident forms and their versions; the report workflow, its queries and views, answer and access rules, sealed
 * text, signatures and the PDF; same-day mail through the outbox with deadlines and overdue notices.
 */
package org.servicepoint.incidents.control;
