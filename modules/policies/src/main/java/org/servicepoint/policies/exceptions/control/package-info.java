/**
 * Exceptions on record and the consistency report: the rules of who may record and approve an exception to which
 * policy, the store on a tenant-bound entity manager, the figures of the report, and the transactions that bind the
 * tenant and audit.
 */
package org.servicepoint.policies.exceptions.control;
