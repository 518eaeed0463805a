/** The rules of computer-use bans, the desk lookup, and the transactions that bind the tenant and audit. */
package org.servicepoint.bans.control;
