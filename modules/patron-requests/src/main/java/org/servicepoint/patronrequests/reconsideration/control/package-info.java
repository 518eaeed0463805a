/**
 * Requests to reconsider a library item: received from the public form (and told to the committee), reviewed step by
 * step by the committee the library system's rules name, decided with reasons, the patron told, and the decision
 * letter printed in the library system's language.
 */
package org.servicepoint.patronrequests.reconsideration.control;
