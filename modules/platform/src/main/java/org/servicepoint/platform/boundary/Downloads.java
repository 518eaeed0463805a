package org.servicepoint.platform.boundary;

import jakarta.ws.rs.core.Response;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Files an endpoint hands over to be saved (CSV exports, PDFs): the body, its media type and a Content-Disposition
 * that names the file. One place writes that header, so every download is named the same safe way.
 */
public final class Downloads {

    public static final String PDF = "application/pdf";

    /** ASCII only (slugs, ids and branch codes are), so every browser keeps the name as sent and no quote ends it. */
    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,199}");
    private static final Pattern BRANCH_CODE = Pattern.compile("[A-Z0-9][A-Z0-9-]{0,15}");

    private Downloads() {
    }

    /** 200 with {@code body} as a file called {@code fileName}. */
    public static Response attachment(Object body, String mediaType, String fileName) {
        return Response.ok(body, mediaType).header("Content-Disposition", contentDisposition(fileName)).build();
    }

    /** {@code attachment; filename="staff-riverbend.csv"}; a name outside the safe alphabet is a bug, not a request. */
    public static String contentDisposition(String fileName) {
        if (fileName == null || !SAFE_NAME.matcher(fileName).matches()) {
            throw new IllegalArgumentException("not a safe download name: " + fileName);
        }
        return "attachment; filename=\"" + fileName + "\"";
    }

    /** {@code staff-riverbend-PINE-HOLLOW.csv} for one branch's file; a branch that is not a plain code is left out. */
    public static String fileName(String base, String branch, String extension) {
        String name = base;
        String code = branch == null ? "" : branch.strip().toUpperCase(Locale.ROOT);
        if (BRANCH_CODE.matcher(code).matches()) {
            name += "-" + code;
        }
        return name + "." + extension;
    }
}
