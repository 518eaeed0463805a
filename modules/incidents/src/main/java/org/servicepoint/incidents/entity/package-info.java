/** Incident form versions, incident reports with their addenda, the signatures that seal them, and their deliveries. */
package org.servicepoint.incidents.entity;
