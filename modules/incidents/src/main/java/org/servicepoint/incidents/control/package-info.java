/** Incident forms and their versions, the report workflow, answer and access rules, signatures and the PDF. */
package org.servicepoint.incidents.control;
