/** Incident form versions, and the stored-time rule every incidents entity uses. */
package org.servicepoint.incidents.forms.entity;
