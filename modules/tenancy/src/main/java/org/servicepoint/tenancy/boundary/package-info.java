/** Operator admin API for tenants and branches, and onboarding plan/apply over HTTP. */
package org.servicepoint.tenancy.boundary;
