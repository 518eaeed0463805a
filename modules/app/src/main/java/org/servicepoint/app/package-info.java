/** Assembles the bounded contexts into one deployable application; no rules live here. */
package org.servicepoint.app;
