/** The follow-ups, updates, history and overview API: thin resources over the follow-ups controls. */
package org.servicepoint.patronrequests.followups.boundary;
