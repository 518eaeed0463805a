package org.servicepoint.patronrequests.entity;

/** How a contact with a patron was made: by mail through the outbox, or recorded as made by phone or in person. */
public enum ContactChannel { EMAIL, PHONE, IN_PERSON }
