/** What a signed-in staff member's screen asks: who am I, and how does this library system sign in. */
package org.servicepoint.identity.boundary;
