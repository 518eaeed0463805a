/** The staff API of requests to reconsider a library item (the public form is the publicpages component's). */
package org.servicepoint.patronrequests.reconsideration.boundary;
