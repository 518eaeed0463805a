/** Reading tenant documents, the rules they must keep, plan/apply of onboarding, and the directory other contexts read. */
package org.servicepoint.tenancy.control;
