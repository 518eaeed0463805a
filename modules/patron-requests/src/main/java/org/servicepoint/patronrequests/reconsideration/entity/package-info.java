/** Requests to reconsider a library item as stored: the request (its patron texts sealed) and its review's steps. */
package org.servicepoint.patronrequests.reconsideration.entity;
