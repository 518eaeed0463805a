/**
 * Incident forms and their versions (read, checked, normalised, hashed, published), and what the other incidents
 * components build on: the library system as incidents see it ({@code Library}), staff access ({@code Access}),
 * canonical JSON, and the schema migration of every incidents table.
 */
package org.servicepoint.incidents.forms.control;
