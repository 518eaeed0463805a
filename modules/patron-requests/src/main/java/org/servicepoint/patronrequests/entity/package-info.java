/** What the patron-requests components share as stored: patron contacts (sealed) and the library system's rules. */
package org.servicepoint.patronrequests.entity;
