/** Staffing API for staff, persons in charge, headquarters and tenant administrators. */
package org.servicepoint.staffing.boundary;
