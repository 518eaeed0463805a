/**
 * The HTTP edge of the service standards: the standards in the caller's language, the catalogue changes a tenant
 * administrator reviews, the adoption planned and applied over the API, and training.
 */
package org.servicepoint.standards.boundary;
