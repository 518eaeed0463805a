/** An exception to a flexible policy, on record and never changed. */
package org.servicepoint.policies.exceptions.entity;
