/** The policy exceptions API: record and list exceptions, and the consistency report for headquarters. */
package org.servicepoint.policies.exceptions.boundary;
