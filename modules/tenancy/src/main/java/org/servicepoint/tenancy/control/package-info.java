/**
 * Reading tenant documents, the rules they must keep, plan/apply of onboarding, and what other contexts read: the
 * directory, the tenant outline, and acting for a caller in a library system with its outline at hand
 * ({@code LibraryWork}).
 */
package org.servicepoint.tenancy.control;
