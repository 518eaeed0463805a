/** A matter's follow-ups and the contacts with its patron; free text sealed, rows named by the matter's kind and id. */
package org.servicepoint.patronrequests.followups.entity;
