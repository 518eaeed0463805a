/**
 * What the patron-requests components share: patron contacts through confidentiality's seal, the rules of
 * patron-requests.yaml, matters (what follow-ups hang on) and the mail events every component queues mail with.
 */
package org.servicepoint.patronrequests.control;
