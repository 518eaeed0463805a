package org.servicepoint.patronrequests.publicpages.boundary;

import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.servicepoint.patronrequests.publicpages.control.PublicForm;
import org.servicepoint.patronrequests.publicpages.control.PublicGate;
import org.servicepoint.patronrequests.publicpages.control.PublicPage;
import org.servicepoint.platform.control.BoundedInputStream;
import org.servicepoint.platform.control.Refusal;
import org.servicepoint.platform.control.Text;
import org.servicepoint.platform.entity.TenantId;
import org.servicepoint.tenancy.control.TenantDirectory;
import org.servicepoint.tenancy.control.TenantOutline;

/**
 * The public pages, {@code /p/<slug>/<branch>/<form>}: no sign-in, no session, no cookie, no script, no third-party
 * resource. Outside the JAX-RS application on purpose: these are HTML pages for patrons, not API operations, and the
 * staff API's description (/openapi) stays the staff API. Branch codes in the path are matched without regard to
 * case ({@code /p/riverbend/pine-hollow/comment}); links and tokens use the lower-case form. A submission passes the
 * {@link PublicGate} before anything touches the database.
 */
@WebServlet(urlPatterns = "/p/*")
public class PublicPagesServlet extends HttpServlet {

    /** Only this server's stylesheet and form posts to itself; nothing else loads, nothing frames the page. */
    public static final String POLICY = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
            + "base-uri 'none'; frame-ancestors 'none'";
    static final String PERMISSIONS = "camera=(), microphone=(), geolocation=(), payment=(), interest-cohort=()";
    private static final Pattern PAGE = Pattern.compile("^/([a-z0-9-]{1,40})/([A-Za-z0-9_-]{1,40})/([a-z]{1,20})(/thanks)?$");
    private static final Pattern REFERENCE = Pattern.compile("^[A-Z]-\\d{4}-\\d{4,6}$");
    private static final Logger LOG = Logger.getLogger(PublicPagesServlet.class.getName());
    private static final long serialVersionUID = 1L;

    @Inject
    transient PublicGate gate;

    @Inject
    @Any
    transient Instance<PublicForm> forms;

    @Inject
    transient TenantDirectory directory;

    private record Place(String slug, String branch, String form, boolean thanks) {
        String path() {
            return "/p/" + slug + "/" + branch + "/" + form;
        }
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        if ("/public.css".equals(path)) {
            stylesheet(response);
            return;
        }
        Locale language = language(request.getParameter("lang"), request.getHeader("Accept-Language"), null);
        Place place = place(path);
        if (place == null) {
            notFound(request, response, language);
            return;
        }
        if (place.thanks()) {
            thanks(request, response, place, language, request.getParameter("ref"));
            return;
        }
        Duration wait = gate.view(request.getRemoteAddr(), place.slug(), place.branch());
        if (!wait.isZero()) {
            limited(request, response, language, wait);
            return;
        }
        Optional<PublicForm> form = form(place.form());
        Optional<TenantOutline> library = library(place);
        if (form.isEmpty() || library.isEmpty()) {
            notFound(request, response, language);
            return;
        }
        Locale chosen = language(request.getParameter("lang"), request.getHeader("Accept-Language"), library.get().language());
        send(response, 200, formPage(request, place, library.get(), form.get(), chosen, Map.of(), Map.of()));
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        Place place = place(path);
        Locale fallback = language(null, request.getHeader("Accept-Language"), null);
        if (place == null || place.thanks() || form(place.form()).isEmpty()) {
            notFound(request, response, fallback);
            return;
        }
        String type = request.getContentType();
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            message(request, response, 415, fallback, "patronrequests.public.refused.malformed");
            return;
        }
        byte[] body = body(request);
        if (body == null) {
            message(request, response, 413, fallback, "patronrequests.public.too-large");
            return;
        }
        PublicGate.Outcome outcome = gate.admit(request.getRemoteAddr(), place.slug(), place.branch(), place.form(), body);
        if (outcome instanceof PublicGate.Limited limited) {
            limited(request, response, fallback, limited.retryAfter());
            return;
        }
        if (outcome instanceof PublicGate.Refused refused) {
            message(request, response, 400, fallback, refused.why());
            return;
        }
        PublicGate.Admitted admitted = (PublicGate.Admitted) outcome;
        Map<String, String> values = admitted.values();
        Locale language = language(values.get("language"), null, fallback);
        PublicForm form = form(place.form()).orElseThrow();
        Map<String, Text> errors = new LinkedHashMap<>(admitted.errors());
        form.check(values).forEach(errors::putIfAbsent);
        if (!errors.isEmpty()) {
            // The form again with what is wrong; the outline is read only for a submission that passed the gate.
            Optional<TenantOutline> library = library(place);
            if (library.isEmpty()) {
                notFound(request, response, language);
                return;
            }
            send(response, 400, formPage(request, place, library.get(), form, language, values, errors));
            return;
        }
        try {
            String reference = form.submit(TenantId.of(place.slug()), place.branch(), values);
            response.setStatus(303);
            response.setHeader("Location", request.getContextPath() + place.path() + "/thanks?ref="
                    + URLEncoder.encode(reference, StandardCharsets.UTF_8) + "&lang=" + language.getLanguage());
            headers(response);
        } catch (Refusal refusal) {
            message(request, response, refusal.status() == 404 ? 404 : refusal.status() >= 500 ? 503 : 400, language,
                    refusal.status() == 404 ? "patronrequests.public.not-found" : "patronrequests.public.failed");
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "a public submission at " + place.path() + " failed", e);
            message(request, response, 500, language, "patronrequests.public.failed");
        }
    }

    private byte[] formPage(HttpServletRequest request, Place place, TenantOutline library, PublicForm form, Locale language,
                            Map<String, String> values, Map<String, Text> errors) {
        PublicPage page = new PublicPage(language, request.getContextPath());
        String title = page.say("patronrequests.public." + form.name() + ".title");
        String branchName = library.branches().stream().filter(b -> b.code().equalsIgnoreCase(place.branch()))
                .map(TenantOutline.BranchName::name).findFirst().orElse(place.branch());
        page.title((errors.isEmpty() ? "" : page.say("patronrequests.public.error-prefix") + " ") + title + " — " + library.name())
                .heading(title)
                .paragraph(page.say("patronrequests.public.where", library.name(), branchName))
                .errorSummary(errors)
                .formStart(place.path() + "?lang=" + language.getLanguage())
                .hidden(PublicGate.TOKEN, gate.token(place.slug(), place.branch(), place.form()))
                .hidden("language", language.getLanguage())
                .honeypot(PublicGate.HONEYPOT);
        form.fields(page, values, errors);
        page.paragraph(page.say("patronrequests.public.privacy"));
        return page.formEnd(page.say("patronrequests.public.send")).html();
    }

    private void thanks(HttpServletRequest request, HttpServletResponse response, Place place, Locale language, String reference)
            throws IOException {
        if (reference == null || !REFERENCE.matcher(reference).matches() || form(place.form()).isEmpty()) {
            notFound(request, response, language);
            return;
        }
        PublicPage page = new PublicPage(language, request.getContextPath());
        String title = page.say("patronrequests.public.thanks.title");
        send(response, 200, page.title(title).heading(title)
                .reference(page.say("patronrequests.public.thanks.reference"), reference)
                .paragraph(page.say("patronrequests.public." + place.form() + ".thanks")).html());
    }

    private void limited(HttpServletRequest request, HttpServletResponse response, Locale language, Duration wait) throws IOException {
        long minutes = Math.max(1, (wait.getSeconds() + 59) / 60);
        response.setHeader("Retry-After", Long.toString(Math.max(1, wait.getSeconds())));
        PublicPage page = new PublicPage(language, request.getContextPath());
        String title = page.say("patronrequests.public.limited.title");
        send(response, 429, page.title(title).heading(title).paragraph(page.say("patronrequests.public.limited", minutes)).html());
    }

    private void notFound(HttpServletRequest request, HttpServletResponse response, Locale language) throws IOException {
        message(request, response, 404, language, "patronrequests.public.not-found");
    }

    private void message(HttpServletRequest request, HttpServletResponse response, int status, Locale language, String key)
            throws IOException {
        PublicPage page = new PublicPage(language, request.getContextPath());
        String title = page.say("patronrequests.public.problem.title");
        send(response, status, page.title(title).heading(title).paragraph(page.say(key)).html());
    }

    /** The body, at most {@link PublicGate#BODY_LIMIT} bytes; null when larger. */
    private static byte[] body(HttpServletRequest request) throws IOException {
        if (request.getContentLengthLong() > PublicGate.BODY_LIMIT) {
            return null;
        }
        try (InputStream in = new BoundedInputStream(request.getInputStream(), PublicGate.BODY_LIMIT)) {
            return in.readAllBytes();
        } catch (BoundedInputStream.TooLarge e) {
            return null;
        }
    }

    private Optional<PublicForm> form(String name) {
        return forms.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    /** The library system, if it exists, is active and has the branch; its outline is one read of the directory. */
    private Optional<TenantOutline> library(Place place) {
        if (!TenantId.isValidSlug(place.slug())) {
            return Optional.empty();
        }
        try {
            TenantOutline outline = directory.outline(TenantId.of(place.slug()));
            boolean open = "active".equals(outline.status()) && outline.branches().stream().anyMatch(b -> b.code().equalsIgnoreCase(place.branch()));
            return open ? Optional.of(outline) : Optional.empty();
        } catch (Refusal e) {
            return Optional.empty();
        }
    }

    private static Place place(String path) {
        Matcher m = PAGE.matcher(path);
        return m.matches() ? new Place(m.group(1), m.group(2).toLowerCase(Locale.ROOT), m.group(3), m.group(4) != null) : null;
    }

    /**
     * English or Spanish: the one asked for with {@code ?lang=}, else the browser's first of the two, else the library
     * system's language, else English.
     */
    static Locale language(String asked, String acceptLanguage, Locale library) {
        if ("en".equals(asked) || "es".equals(asked)) {
            return Locale.forLanguageTag(asked);
        }
        if (acceptLanguage != null && acceptLanguage.length() <= 200) {
            try {
                String found = Locale.lookupTag(Locale.LanguageRange.parse(acceptLanguage), List.of("en", "es"));
                if (found != null) {
                    return Locale.forLanguageTag(found);
                }
            } catch (IllegalArgumentException e) {
                // A header that is not a language list counts as none.
            }
        }
        return library != null && "es".equals(library.getLanguage()) ? Locale.forLanguageTag("es") : Locale.ENGLISH;
    }

    static void headers(HttpServletResponse response) {
        response.setHeader("Content-Security-Policy", POLICY);
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Cross-Origin-Opener-Policy", "same-origin");
        response.setHeader("Cross-Origin-Resource-Policy", "same-origin");
        response.setHeader("Permissions-Policy", PERMISSIONS);
    }

    private static void send(HttpServletResponse response, int status, byte[] html) throws IOException {
        response.setStatus(status);
        headers(response);
        response.setContentType("text/html;charset=UTF-8");
        response.setContentLength(html.length);
        response.getOutputStream().write(html);
    }

    private static void stylesheet(HttpServletResponse response) throws IOException {
        byte[] css;
        try (InputStream in = PublicPagesServlet.class.getResourceAsStream("public.css")) {
            css = in.readAllBytes();
        }
        headers(response);
        response.setHeader("Cache-Control", "public, max-age=3600");
        response.setContentType("text/css;charset=UTF-8");
        response.setContentLength(css.length);
        response.getOutputStream().write(css);
    }
}
