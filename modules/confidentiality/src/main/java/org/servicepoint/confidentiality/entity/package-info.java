/**
 * Confidential records: patron references (keyed hash and sealed fields only), disclosure requests, retention
 * periods, and the tenants' wrapped keys. Entities hold ciphertext as bytes; sealing and opening is done by
 * the control package, which knows the keys.
 */
package org.servicepoint.confidentiality.entity;
