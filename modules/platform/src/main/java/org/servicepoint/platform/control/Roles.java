package org.servicepoint.platform.control;

/** Application roles. Staff roles arrive with single sign-on; the operator role with the operator key. */
public final class Roles {

    public static final String OPERATOR = "operator";

    private Roles() {
    }
}
