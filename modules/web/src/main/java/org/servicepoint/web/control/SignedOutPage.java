package org.servicepoint.web.control;

/**
 * Where Keycloak sends the browser after sign-out. Plain HTML without script: it must work when the
 * app's code is gone, and it only offers the way back in.
 */
public final class SignedOutPage {

    private SignedOutPage() {
    }

    /** The page for a library system; {@code contextPath} is where ServicePoint is mounted ("" at the root). */
    public static String html(String contextPath, String slug) {
        String base = escape(contextPath);
        String home = base + "/t/" + escape(slug) + "/";
        return """
                <!doctype html>
                <html lang="en">
                <head>
                  <meta charset="utf-8">
                  <meta name="viewport" content="width=device-width, initial-scale=1">
                  <meta name="referrer" content="no-referrer">
                  <title>Signed out – ServicePoint</title>
                  <link rel="stylesheet" href="%s/app/signed-out.css">
                </head>
                <body>
                  <main>
                    <div class="panel">
                      <h1>You are signed out</h1>
                      <p>You have signed out of ServicePoint. Nothing from your session is kept in this browser.</p>
                      <p><a href="%s">Sign in again</a></p>
                    </div>
                  </main>
                </body>
                </html>
                """.formatted(base, home);
    }

    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
