/**
 * Real backing services for the local run and the test suites, fetched by the build from Maven Central and
 * started as child processes: today Keycloak ({@link org.servicepoint.localservices.KeycloakServer}).
 * Never part of the application WAR.
 */
package org.servicepoint.localservices;
