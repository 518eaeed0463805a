/** Roster rules and imports, name-tag sheets, shift calendars and desk coverage. */
package org.servicepoint.staffing.control;
