/**
 * Incident reports over HTTP, for staff, persons in charge, headquarters and tenant administrators, with their request
 * records.
 */
package org.servicepoint.incidents.reports.boundary;
