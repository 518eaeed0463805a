/**
 * Roster rules and imports, name-tag sheets, shift calendars and desk coverage; the chain of command at work (who is
 * in charge now, escalations and who decides them, disclosure routing) and in-app notices for every context.
 */
package org.servicepoint.staffing.control;
