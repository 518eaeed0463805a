package org.servicepoint.staffing.control;

import java.util.Optional;

/**
 * Situations at a desk that need someone with authority, and the permission that authority takes. The
 * permissions are granted per position in each library system's tenant file.
 */
public enum Situation {
    DIFFICULT_SITUATION("difficult-situation", "A difficult or abusive situation with a patron", "handle-difficult-situations", null),
    COMPLAINT("complaint", "A patron's complaint", "handle-complaints", null),
    INJURY("injury", "An accident or injury", "handle-difficult-situations", "handle-insurance-questions"),
    PATRON_DATA_REQUEST("patron-data-request", "Police or an administrator ask for patron information",
            "decide-disclosure-requests", null),
    POLICY_EXCEPTION("policy-exception", "A request for an exception to a policy", "grant-policy-exceptions", null);

    private final String code;
    private final String title;
    private final String permission;
    private final String alsoTell;

    Situation(String code, String title, String permission, String alsoTell) {
        this.code = code;
        this.title = title;
        this.permission = permission;
        this.alsoTell = alsoTell;
    }

    public String code() { return code; }
    public String title() { return title; }
    /** The permission whoever decides must hold. */
    public String permission() { return permission; }
    /** Holders of this permission are told as well, e.g. the business manager about anything insurance. */
    public Optional<String> alsoTell() { return Optional.ofNullable(alsoTell); }

    public static Situation ofCode(String code) {
        for (Situation s : values()) {
            if (s.code.equals(code)) {
                return s;
            }
        }
        throw new IllegalArgumentException("not a situation: " + code);
    }
}
