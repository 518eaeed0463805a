/**
 * Rules, keys and workflows of confidentiality: sealing and opening fields, the key hierarchy, card number
 * rules, disclosure decisions, retention and purge. Transactions start here; the crypto and the rules are
 * plain classes so they can be tested without a container.
 */
package org.servicepoint.confidentiality.control;
