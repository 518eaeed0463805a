/** Policies as stored: the policy, its versions (words and approval, never rewritten) and acknowledgements. */
package org.servicepoint.policies.entity;
