/** The outbox: one row per mail (a report to a recipient, an overdue notice, a notice about no report). */
package org.servicepoint.incidents.delivery.entity;
