/** Policies over HTTP: the library for staff, acknowledgements, and editing by tenant administrators. */
package org.servicepoint.policies.boundary;
