/** HTTP edge shared by all contexts: authentication, role checks, problem+json errors, request ids, health. */
package org.servicepoint.platform.boundary;
