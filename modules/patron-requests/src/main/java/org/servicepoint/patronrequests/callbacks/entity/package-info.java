/** Call-backs as stored: the question sealed, the patron's contact by id, the steps written once. */
package org.servicepoint.patronrequests.callbacks.entity;
