package org.servicepoint.patronrequests.publicpages.control;

import java.util.Map;
import org.servicepoint.platform.control.Text;
import org.servicepoint.platform.entity.TenantId;

/**
 * One public form of a branch, {@code /p/<slug>/<branch>/<name>} (CDI bean, one per name). The kit serves it, checks
 * every submission at the gate ({@link PublicGate}) and calls {@link #check} and then {@link #submit} only for what
 * passed; {@code check} touches no database, {@code submit} stores and answers the reference the patron is shown.
 */
public interface PublicForm {

    /** The last part of the page's path, e.g. {@code comment}. */
    String name();

    /** The form's fields and their inputs, written into {@code page} (the kit writes the token and the honeypot). */
    void fields(PublicPage page, Map<String, String> values, Map<String, Text> errors);

    /** Field name → what is wrong with its value; empty when the values may be submitted. No database. */
    Map<String, Text> check(Map<String, String> values);

    /** Stores the submission (after {@link #check}) and answers its reference, e.g. {@code K-2026-0042}. */
    String submit(TenantId tenant, String branch, Map<String, String> values);
}
