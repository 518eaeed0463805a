/** The policy library: policies.yaml planned and applied, versions and their difference, search, acknowledgements. */
package org.servicepoint.policies.control;
