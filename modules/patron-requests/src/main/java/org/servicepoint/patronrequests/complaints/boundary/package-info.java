/** The complaints API: record, list, read (the handling position's first read marks it opened), respond, close. */
package org.servicepoint.patronrequests.complaints.boundary;
