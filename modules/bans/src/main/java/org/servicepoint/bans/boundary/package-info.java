/** Computer-use bans over HTTP: imposed and lifted by persons in charge, looked up by card at the desk. */
package org.servicepoint.bans.boundary;
