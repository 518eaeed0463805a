/**
 * HTTP edge shared by all contexts: authentication, role checks, problem+json errors, request ids, health, security
 * headers, bounded request bodies and access to metrics.
 */
package org.servicepoint.platform.boundary;
