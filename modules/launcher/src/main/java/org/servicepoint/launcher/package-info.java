/** The local one-command run (embedded PostgreSQL + Payara Micro) and the command-line plan/apply client. */
package org.servicepoint.launcher;
