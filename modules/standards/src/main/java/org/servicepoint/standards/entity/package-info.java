/**
 * The service standards as values: the shared catalogue's entries with their wording in English and Spanish, a
 * library system's adoption of them, and what a library system's staff see. Nothing here is stored yet.
 */
package org.servicepoint.standards.entity;
