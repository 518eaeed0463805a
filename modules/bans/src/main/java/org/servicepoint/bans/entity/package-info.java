/** Computer-use bans as stored, with the rules every ban keeps whatever code touches it. */
package org.servicepoint.bans.entity;
