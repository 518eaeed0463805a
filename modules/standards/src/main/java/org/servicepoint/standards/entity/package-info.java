/**
 * The service standards as values: the shared catalogue's entries with their wording in English and Spanish, a
 * library system's adoption of them, and what a library system's staff see. Stored: the adoption as last applied
 * ({@link org.servicepoint.standards.entity.AdoptionRecord}) and training answers
 * ({@link org.servicepoint.standards.entity.TrainingAnswer}).
 */
package org.servicepoint.standards.entity;
