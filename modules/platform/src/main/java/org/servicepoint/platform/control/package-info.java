/**
 * Cross-cutting rules every context relies on: tenant-bound transactions, schema migrations, audit, caller identity,
 * the operator key, branch scope and free-text checks.
 */
package org.servicepoint.platform.control;
