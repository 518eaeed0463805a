package org.servicepoint.confidentiality.control;

import java.util.UUID;

/**
 * A request for patron information as the desk writes it down. {@code authority} uses the API's spelling
 * ({@code none-stated}, {@code warrant}, {@code subpoena}, {@code court-order}, {@code other}).
 */
public record NewDisclosure(String requesterName, String requesterOrganisation, String authority, String authorityText,
                            String requestText, UUID patronReferenceId) {

    public static final int NAME_MAX = 200;
    public static final int ORGANISATION_MAX = 200;
    public static final int AUTHORITY_TEXT_MAX = 1000;
    public static final int REQUEST_TEXT_MAX = 4000;
    public static final int REASON_MAX = 4000;
}
