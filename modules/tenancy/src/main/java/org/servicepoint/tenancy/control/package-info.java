/** Reading tenant documents, the rules they must keep, and plan/apply of onboarding. */
package org.servicepoint.tenancy.control;
