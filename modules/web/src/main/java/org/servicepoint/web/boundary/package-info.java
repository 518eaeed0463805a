/** The pages that host the staff web app under /t/{slug}/, with the browser security headers they need. */
package org.servicepoint.web.boundary;
