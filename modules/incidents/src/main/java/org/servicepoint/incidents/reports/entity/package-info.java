/** Incident reports with their addenda and the signatures that seal them. */
package org.servicepoint.incidents.reports.entity;
