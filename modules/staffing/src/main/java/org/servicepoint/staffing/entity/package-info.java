/** Staff members of a library system with their name tags, their shifts and absences. */
package org.servicepoint.staffing.entity;
