/** The call-back API: offer, queue, claim, attempts, hand over, the contact for the call. */
package org.servicepoint.patronrequests.callbacks.boundary;
