/** Staff members of a library system with their name tags, their shifts and absences, escalations and notices. */
package org.servicepoint.staffing.entity;
