/**
 * The local one-command run (embedded PostgreSQL, Keycloak and Payara Micro), the command line (migrate, plan/apply,
 * hash-key) and the benchmark against a stack of its own.
 */
package org.servicepoint.launcher;
