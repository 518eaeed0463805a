/** Rules for the staff app's pages: what the browser may load, run and keep. */
package org.servicepoint.web.control;
