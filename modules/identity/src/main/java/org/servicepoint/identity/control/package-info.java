/**
 * Staff bearer tokens verified against the realm that issued them (realm = library system,
 * {@link org.servicepoint.identity.control.StaffTokens}), and Keycloak realms for library systems and for the platform
 * operators: what a realm must contain ({@link org.servicepoint.identity.control.RealmBlueprint}) and making Keycloak
 * match it, idempotently, over its admin REST API ({@link org.servicepoint.identity.control.RealmProvisioning}).
 */
package org.servicepoint.identity.control;
