/** Operator admin API for tenants and branches, onboarding plan/apply over HTTP, and the staff's read-only branch list. */
package org.servicepoint.tenancy.boundary;
