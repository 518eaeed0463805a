/** Incident forms over HTTP: the current form, its versions, and publishing a new one (tenant administrators). */
package org.servicepoint.incidents.forms.boundary;
