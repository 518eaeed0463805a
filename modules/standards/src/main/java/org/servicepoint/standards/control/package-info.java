/**
 * Reading the shared catalogue and a library system's {@code standards.yaml} (JSON Schema first, then the rules,
 * every problem named by file, line and field), and the pure functions over them: a library system's effective
 * standards and what a new catalogue version changes for it.
 */
package org.servicepoint.standards.control;
