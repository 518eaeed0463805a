/**
 * Cross-cutting rules every context relies on: acting for a caller in one library system ({@code TenantWork}: the
 * tenant-bound transaction, branch scope and the audit line), schema migrations, audit, caller identity, the operator
 * key, refusals with their message keys and server texts ({@code Refusal}, {@code Text}, {@code Messages}), the
 * deployment's settings ({@code Settings}), and what contexts would otherwise each write again: ids in paths,
 * YAML/JSON documents checked against a schema, CSV, PDF text, JSON strings, filtered list queries, free-text checks.
 */
package org.servicepoint.platform.control;
