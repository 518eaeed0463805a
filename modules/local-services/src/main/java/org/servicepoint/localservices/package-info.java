/**
 * Real backing services for the local run and the test suites, fetched by the build from Maven Central and
 * started as child processes: today Keycloak ({@link org.servicepoint.localservices.KeycloakServer}); and a
 * round-robin balancer for several application instances on one machine
 * ({@link org.servicepoint.localservices.RoundRobinBalancer}).
 * Never part of the application WAR.
 */
package org.servicepoint.localservices;
