/**
 * HTTP edge of confidentiality: patron references, disclosure requests and retention for a library system's
 * staff, and the operator's key rotation. Card numbers travel only in request bodies, never in URLs.
 */
package org.servicepoint.confidentiality.boundary;
