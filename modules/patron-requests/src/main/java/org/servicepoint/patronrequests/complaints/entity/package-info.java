/** Complaints as stored: the complaint (its texts sealed) and the steps it went through. */
package org.servicepoint.patronrequests.complaints.entity;
