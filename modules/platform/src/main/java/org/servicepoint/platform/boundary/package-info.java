/**
 * HTTP edge shared by all contexts: authentication, role checks, problem+json errors in the reply's language, request
 * ids, health, security headers, bounded and strictly typed request bodies, access to metrics, and the answers every
 * resource gives the same way ({@code Created} with its Location, file {@code Downloads}).
 */
package org.servicepoint.platform.boundary;
