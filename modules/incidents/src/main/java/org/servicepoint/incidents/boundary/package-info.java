/** Incident forms and incident reports over HTTP, for staff, persons in charge, headquarters and tenant administrators. */
package org.servicepoint.incidents.boundary;
