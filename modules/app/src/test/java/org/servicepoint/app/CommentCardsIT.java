package org.servicepoint.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The public comment-card page over plain HTTP with no session, as a patron's browser uses it, and the staff triage
 * API with real tokens: a card stored with no address or browser anywhere in the database, bad input refused with
 * nothing stored, another library system reaching nothing, and a flood of 10,000 submissions refused past the limit
 * without database work while staff keep working. Last of the run: the flood uses up this address's allowance.
 */
@Order(10)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CommentCardsIT extends ServicePointDeployment {

    static final Logger LOG = Logger.getLogger(CommentCardsIT.class.getName());
    static final String PAGE = "/p/riverbend/pine-hollow/comment";
    static final String CARDS = "tenants/riverbend/comment-cards";
    static final HttpClient PUBLIC = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).build();
    static final Pattern TOKEN = Pattern.compile("name=\"token\" value=\"([0-9]+\\.[A-Za-z0-9_-]+)\"");

    static HttpResponse<String> get(String path, String agent) throws Exception {
        return PUBLIC.send(HttpRequest.newBuilder(URI.create(APP_URL + path)).header("User-Agent", agent).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> post(String path, String body, String type, String agent) throws Exception {
        return PUBLIC.send(HttpRequest.newBuilder(URI.create(APP_URL + path)).header("User-Agent", agent)
                .header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static String form(Map<String, String> values) {
        return values.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    /** The form's token, read from the page as a browser would see it. */
    static String token(String path) throws Exception {
        HttpResponse<String> page = get(path, "CommentCardsIT");
        assertEquals(200, page.statusCode(), page.body());
        Matcher m = TOKEN.matcher(page.body());
        assertTrue(m.find(), page.body());
        return m.group(1);
    }

    static Map<String, String> card(String token, String text) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("token", token);
        values.put("language", "en");
        values.put("website", "");
        values.put("kind", "suggestion");
        values.put("text", text);
        return values;
    }

    /** A person takes more than three seconds to fill in a form; the gate refuses anything quicker. */
    static void likeAPerson() throws InterruptedException {
        Thread.sleep(3_300);
    }

    static long scalar(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(databaseUrl, "postgres", ""); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Every text-like column of every table holding {@code needle}, as "table.column=count", read as the superuser. */
    static List<String> holding(String needle) throws Exception {
        List<String> found = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(databaseUrl, "postgres", "")) {
            List<String[]> columns = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select table_schema, table_name, column_name "
                    + "from information_schema.columns join information_schema.tables using (table_schema, table_name) "
                    + "where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema') "
                    + "and data_type in ('text', 'character varying', 'character', 'json', 'jsonb', 'inet', 'cidr', 'ARRAY')")) {
                while (rs.next()) {
                    columns.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
                }
            }
            assertTrue(columns.size() > 50, "the catalogue lists the tables' text columns: " + columns.size());
            for (String[] col : columns) {
                String sql = "select count(*) from \"" + col[0] + "\".\"" + col[1] + "\" where strpos(\"" + col[2] + "\"::text, ?) > 0";
                try (var p = c.prepareStatement(sql)) {
                    p.setString(1, needle);
                    try (ResultSet rs = p.executeQuery()) {
                        rs.next();
                        if (rs.getLong(1) > 0) {
                            found.add(col[1] + "." + col[2] + "=" + rs.getLong(1));
                        }
                    }
                }
            }
        }
        return found;
    }

    static long cards() throws Exception {
        return scalar("select count(*) from comment_card");
    }

    @Test
    @Order(1)
    @RunAsClient
    void a_comment_card_left_without_signing_in_is_stored_with_no_address_or_browser_anywhere_in_the_database() throws Exception {
        String agent = "CommentCardsIT-browser-" + UUID.randomUUID();
        String mark = "Please open on Sundays " + UUID.randomUUID();
        List<String> loopbackBefore = holding("127.0.0.1");
        List<String> ipv6Before = holding("0:0:0:0:0:0:0:1");

        HttpResponse<String> page = get(PAGE + "?lang=es", agent);
        assertEquals(200, page.statusCode(), page.body());
        String policy = page.headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(policy.contains("default-src 'none'") && policy.contains("form-action 'self'") && policy.contains("frame-ancestors 'none'"),
                policy);
        assertTrue(page.body().contains("<html lang=\"es\">") && page.body().contains("Enviar") && !page.body().contains("<script"),
                page.body());
        assertTrue(page.body().contains("<legend>") && page.body().contains("<label for=\"text\">"), page.body());
        assertTrue(page.headers().allValues("Set-Cookie").isEmpty(), page.headers().toString());
        assertEquals("no-store", page.headers().firstValue("Cache-Control").orElse(""));
        HttpResponse<String> english = PUBLIC.send(HttpRequest.newBuilder(URI.create(APP_URL + PAGE))
                .header("Accept-Language", "en-GB,en;q=0.8").build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(english.body().contains("<html lang=\"en\">") && english.body().contains(">Send<"), english.body());
        Matcher token = TOKEN.matcher(page.body());
        assertTrue(token.find());
        likeAPerson();

        Map<String, String> values = card(token.group(1), mark);
        values.put("language", "es");
        values.put("reply", "yes");
        values.put("name", "Ana");
        values.put("email", "ana@example.org");
        HttpResponse<String> sent = post(PAGE + "?lang=es", form(values), "application/x-www-form-urlencoded", agent);
        assertEquals(303, sent.statusCode(), sent.body());
        assertTrue(sent.headers().allValues("Set-Cookie").isEmpty(), sent.headers().toString());
        String location = sent.headers().firstValue("Location").orElseThrow();
        Matcher reference = Pattern.compile("ref=(K-\\d{4}-\\d{4,})").matcher(location);
        assertTrue(reference.find(), location);
        HttpResponse<String> thanks = get(location.startsWith("http") ? URI.create(location).getRawPath() + "?" + URI.create(location).getRawQuery()
                : location, agent);
        assertEquals(200, thanks.statusCode(), thanks.body());
        assertTrue(thanks.body().contains(reference.group(1)) && thanks.body().contains("Gracias"), thanks.body());

        String rosa = token("riverbend", "rosa"); // person in charge at Pine Hollow
        HttpResponse<String> list = staff(rosa, CARDS + "?branch=PINE-HOLLOW&kind=suggestion");
        assertEquals(200, list.statusCode(), list.body());
        String listed = objectWith(list.body(), "\"reference\":\"" + reference.group(1) + "\"");
        assertTrue(listed.contains("\"state\":\"new\"") && listed.contains("\"mayReply\":true") && listed.contains("\"hasContact\":true"),
                list.body());
        HttpResponse<String> read = staff(rosa, CARDS + "/" + idIn(listed));
        assertEquals(200, read.statusCode(), read.body());
        assertTrue(read.body().contains(mark) && read.body().contains("\"language\":\"es\""), read.body());

        // Nothing about the sender anywhere: not the address, not the browser; the words only sealed.
        assertEquals(List.of(), holding(agent));
        assertEquals(loopbackBefore, holding("127.0.0.1"));
        assertEquals(ipv6Before, holding("0:0:0:0:0:0:0:1"));
        assertEquals(List.of(), holding(mark));
        assertEquals(List.of(), holding("ana@example.org"));
    }

    @Test
    @Order(2)
    @RunAsClient
    void bad_input_on_the_public_page_and_the_staff_api_is_refused_and_nothing_is_stored() throws Exception {
        String agent = "CommentCardsIT";
        String fresh = token(PAGE);
        String otherBranch = token("/p/riverbend/mossy-creek/comment");
        likeAPerson();
        long before = cards();
        long contacts = scalar("select count(*) from patron_contact");
        Map<String, String> markup = card(fresh, "<b>bold</b> idea");
        Map<String, String> honeypot = card(fresh, "Fine");
        honeypot.put("website", "http://spam.example");
        Map<String, String> noKind = card(fresh, "Fine");
        noKind.remove("kind");
        Map<String, String> badEmail = card(fresh, "Fine");
        badEmail.put("reply", "yes");
        badEmail.put("email", "not-an-address");
        Map<String, String> noToken = card(fresh, "Fine");
        noToken.remove("token");
        Map<String, String> forged = card(fresh.substring(0, fresh.indexOf('.')) + ".AAAA", "Fine");

        for (Map<String, String> values : List.of(markup, honeypot, noKind, badEmail, noToken, forged, card(otherBranch, "Fine"),
                card(fresh, " "), card(fresh, "x".repeat(2001)))) {
            HttpResponse<String> refused = post(PAGE, form(values), "application/x-www-form-urlencoded", agent);
            assertEquals(400, refused.statusCode(), values + " → " + refused.body());
            assertTrue(refused.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), refused.body());
            assertFalse(refused.body().contains("<b>bold</b>"), "markup is never echoed: " + refused.body());
        }
        HttpResponse<String> shown = post(PAGE, form(markup), "application/x-www-form-urlencoded", agent);
        assertTrue(shown.body().contains("<a href=\"#text\">") && shown.body().contains("aria-describedby=\"text-hint text-error\"")
                && shown.body().contains("&lt;b&gt;bold&lt;/b&gt; idea"), shown.body());
        assertEquals(413, post(PAGE, form(card(fresh, "y".repeat(40_000))), "application/x-www-form-urlencoded", agent).statusCode());
        assertEquals(415, post(PAGE, "{\"kind\":\"praise\"}", "application/json", agent).statusCode());
        assertEquals(404, get("/p/no-such-library/pine-hollow/comment", agent).statusCode());
        assertEquals(404, get("/p/riverbend/no-such-branch/comment", agent).statusCode());
        assertEquals(404, get("/p/riverbend/pine-hollow/thanks", agent).statusCode());
        assertEquals(404, get(PAGE + "/thanks?ref=%3Cscript%3E", agent).statusCode());
        // Quicker than a person: the token was served just now.
        assertEquals(400, post(PAGE, form(card(token(PAGE), "Fine")), "application/x-www-form-urlencoded", agent).statusCode());

        String rosa = token("riverbend", "rosa");
        String anyCard = idIn(staff(rosa, CARDS).body());
        assertProblem(staff(rosa, CARDS + "?kind=rant"), 400, "invalid-input");
        assertProblem(staff(rosa, CARDS + "?branch=NOWHERE"), 400, "invalid-input");
        assertProblem(staff(rosa, CARDS + "/counts?from=yesterday"), 400, "invalid-input");
        assertProblem(poster(rosa, "branch=PINE-HOLLOW&language=fr"), 400, "invalid-input");
        assertProblem(staffSend(rosa, "POST", CARDS + "/" + anyCard + "/reply", "{\"text\":\"<i>Thanks</i>\"}"), 400, "invalid-input");
        assertProblem(staffSend(rosa, "POST", CARDS + "/" + anyCard + "/reply", "{\"text\":" + json("x".repeat(4001)) + "}"), 400,
                "invalid-input");
        assertProblem(staffSend(rosa, "POST", CARDS + "/" + anyCard + "/forward", "{\"policy\":\"no-such-policy\"}"), 400, "invalid-input");
        assertProblem(staffSend(rosa, "POST", CARDS + "/" + anyCard + "/forward", "{\"policy\":\"Bad Key!\"}"), 400, "invalid-input");
        assertProblem(staffSend(rosa, "POST", CARDS + "/" + anyCard + "/complaint", "{\"policy\":\"no-such-policy\"}"), 400,
                "invalid-input");
        assertProblem(staffSend(rosa, "POST", CARDS + "/" + UUID.randomUUID() + "/thank", "{}"), 404, "not-found");
        assertEquals(before, cards(), "no card stored by a refused submission");
        assertEquals(contacts, scalar("select count(*) from patron_contact"), "no contact stored by a refused submission");
        assertEquals(0, scalar("select count(*) from comment_card_step where card_id = '" + anyCard + "'"));
    }

    @Test
    @Order(3)
    @RunAsClient
    void staff_triage_a_card_at_their_own_branch_and_another_library_system_reaches_none_of_it() throws Exception {
        String fresh = token(PAGE);
        String hollisForm = token("/p/hollis-college/main/comment");
        likeAPerson();
        String mark = "The returns slot sticks " + UUID.randomUUID();
        Map<String, String> values = card(fresh, mark);
        values.put("kind", "complaint");
        values.put("reply", "yes");
        values.put("email", "ben@example.org");
        HttpResponse<String> sent = post(PAGE, form(values), "application/x-www-form-urlencoded", "CommentCardsIT");
        assertEquals(303, sent.statusCode(), sent.body());
        // A token of one library system's page is refused on another's.
        long before = cards();
        assertEquals(400, post("/p/hollis-college/main/comment", form(card(fresh, "Fine")), "application/x-www-form-urlencoded",
                "CommentCardsIT").statusCode());
        assertEquals(400, post(PAGE, form(card(hollisForm, "Fine")), "application/x-www-form-urlencoded", "CommentCardsIT").statusCode());
        assertEquals(before, cards());

        String rosa = token("riverbend", "rosa");
        String moss = token("riverbend", "moss"); // person in charge at Mossy Creek
        String sam = token("riverbend", "sam"); // desk staff
        String dee = token("riverbend", "dee"); // headquarters and tenant admin
        String priya = token("hollis-college", "priya");
        String id = idIn(objectWith(staff(rosa, CARDS + "?kind=complaint").body(), "\"state\":\"new\""));
        assertTrue(staff(rosa, CARDS + "/" + id).body().contains(mark));

        assertProblem(staff(sam, CARDS), 403, "forbidden");
        assertProblem(staff(moss, CARDS + "/" + id), 404, "not-found");
        assertFalse(staff(moss, CARDS).body().contains(id));
        assertProblem(staff(priya, CARDS), 404, "not-found");
        assertProblem(staff(priya, "tenants/hollis-college/comment-cards/" + id), 404, "not-found");
        assertFalse(staff(priya, "tenants/hollis-college/comment-cards").body().contains(id));
        assertProblem(staffSend(priya, "POST", "tenants/hollis-college/comment-cards/" + id + "/close", "{}"), 404, "not-found");

        HttpResponse<String> thanked = staffSend(rosa, "POST", CARDS + "/" + id + "/thank", "{}");
        assertEquals(200, thanked.statusCode(), thanked.body());
        assertTrue(thanked.body().contains("\"state\":\"thanked\"") && thanked.body().contains("\"step\":\"thanked\""), thanked.body());
        HttpResponse<String> replied = staffSend(rosa, "POST", CARDS + "/" + id + "/reply", "{\"text\":\"We fixed the slot.\"}");
        assertEquals(200, replied.statusCode(), replied.body());
        assertTrue(replied.body().contains("\"state\":\"replied\""), replied.body());
        HttpResponse<String> forwarded = staffSend(dee, "POST", CARDS + "/" + id + "/forward", "{\"policy\":\"computer-use\"}");
        assertEquals(200, forwarded.statusCode(), forwarded.body());
        assertTrue(forwarded.body().contains("\"forwardedTo\":{\"policy\":\"computer-use\",\"position\":\"branch-manager\"}"),
                forwarded.body());
        HttpResponse<String> turned = staffSend(rosa, "POST", CARDS + "/" + id + "/complaint", "{\"policy\":\"computer-use\"}");
        assertEquals(200, turned.statusCode(), turned.body());
        assertTrue(turned.body().matches(".*\"reference\":\"C-\\d{4}-\\d{4,}\".*"), turned.body());
        assertEquals(turned.body(), staffSend(rosa, "POST", CARDS + "/" + id + "/complaint", "{}").body(), "asked twice, one complaint");
        assertEquals(200, staffSend(rosa, "POST", CARDS + "/" + id + "/close", "{}").statusCode());
        assertProblem(staffSend(rosa, "POST", CARDS + "/" + id + "/thank", "{}"), 409, "conflict");

        HttpResponse<String> counts = staff(dee, CARDS + "/counts");
        assertTrue(objectWith(counts.body(), "\"branch\":\"PINE-HOLLOW\"", "\"kind\":\"complaint\"").contains("\"count\":"), counts.body());
        assertFalse(staff(moss, CARDS + "/counts").body().contains("PINE-HOLLOW"));
        HttpResponse<byte[]> poster = HTTP.send(HttpRequest.newBuilder(URI.create(APP_URL + "/api/" + CARDS + "/poster?branch=PINE-HOLLOW&language=es"))
                .header("Authorization", "Bearer " + rosa).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, poster.statusCode());
        assertTrue(new String(poster.body(), 0, 5, StandardCharsets.US_ASCII).equals("%PDF-"));
        assertProblem(poster(rosa, "branch=MOSSY-CREEK"), 403, "forbidden");
    }

    @Test
    @Order(4)
    @RunAsClient
    void a_flood_of_ten_thousand_submissions_is_refused_past_the_limit_stores_nothing_more_and_staff_keep_working() throws Exception {
        String dee = token("riverbend", "dee");
        String flood = form(card(token(PAGE), "Flood " + UUID.randomUUID()));
        likeAPerson();
        List<Long> quiet = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            quiet.add(timedStaffCall(dee));
        }
        long cardsBefore = cards();
        long insertsBefore = inserts();

        AtomicInteger accepted = new AtomicInteger();
        AtomicInteger limited = new AtomicInteger();
        AtomicInteger other = new AtomicInteger();
        AtomicBoolean flooding = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(5);
        List<Long> during = Collections.synchronizedList(new ArrayList<>());
        Future<?> staffWork = pool.submit(() -> {
            while (flooding.get()) {
                during.add(timedStaffCall(dee));
            }
            return null;
        });
        List<Future<?>> senders = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            senders.add(pool.submit(() -> {
                for (int i = 0; i < 2_500; i++) {
                    int status = post(PAGE, flood, "application/x-www-form-urlencoded", "flood").statusCode();
                    (status == 303 ? accepted : status == 429 ? limited : other).incrementAndGet();
                }
                return null;
            }));
        }
        for (Future<?> sender : senders) {
            sender.get();
        }
        flooding.set(false);
        staffWork.get();
        pool.shutdown();

        LOG.info(() -> "flood: " + accepted + " accepted, " + limited + " refused with 429, " + other + " other; staff median "
                + median(quiet) + " ms quiet, " + median(during) + " ms during the flood (ratio "
                + String.format("%.2f", (double) median(during) / Math.max(1, median(quiet))) + ", " + during.size() + " calls)");
        assertEquals(10_000, accepted.get() + limited.get(), "every submission was taken or refused as over the limit: " + other);
        assertTrue(accepted.get() <= 40, "at most the address's allowance is taken: " + accepted);
        assertTrue(limited.get() >= 9_960, "everything past the limit is refused: " + limited);
        assertEquals(cardsBefore + accepted.get(), cards(), "nothing from the flood past the limit is stored");
        assertFalse(during.isEmpty(), "staff were served during the flood");
        // Not a timing test: only an absurd slowdown fails (the ratio is logged for people to read).
        assertTrue(median(during) < 10_000, "staff median during the flood " + median(during) + " ms");

        // Refused submissions do no database work at all: the tables' own statistics do not move. A server connection
        // reports its counts when idle, at the latest about ten seconds later: wait that out on both sides.
        Thread.sleep(11_500);
        String tables = tableActivity();
        assertTrue(inserts() >= insertsBefore + accepted.get(), "the statistics see the cards that were taken");
        for (int i = 0; i < 500; i++) {
            assertEquals(429, post(PAGE, flood, "application/x-www-form-urlencoded", "flood").statusCode());
        }
        Thread.sleep(11_500);
        assertEquals(tables, tableActivity(), "refused submissions read and wrote nothing");
    }

    /** The poster as a browser downloads it: a PDF is what it accepts. */
    static HttpResponse<String> poster(String token, String query) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(APP_URL + "/api/" + CARDS + "/poster?" + query))
                .header("Authorization", "Bearer " + token).header("Accept", "application/pdf").build(), HttpResponse.BodyHandlers.ofString());
    }

    long timedStaffCall(String token) throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> response = staff(token, CARDS + "?state=closed");
        assertEquals(200, response.statusCode(), response.body());
        return Duration.ofNanos(System.nanoTime() - start).toMillis();
    }

    static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.isEmpty() ? 0 : sorted.get(sorted.size() / 2);
    }

    static long inserts() throws Exception {
        return scalar("select coalesce(sum(n_tup_ins), 0) from pg_stat_all_tables where relname = 'comment_card'");
    }

    /** Reads and writes on the tables a submission would touch, as PostgreSQL's statistics count them. */
    static String tableActivity() throws Exception {
        StringBuilder all = new StringBuilder();
        try (Connection c = DriverManager.getConnection(databaseUrl, "postgres", ""); Statement s = c.createStatement()) {
            s.execute("select pg_stat_clear_snapshot()");
            try (ResultSet rs = s.executeQuery("select relname, coalesce(seq_scan, 0) + coalesce(idx_scan, 0), n_tup_ins, n_tup_upd, n_tup_del "
                    + "from pg_stat_all_tables where relname in ('comment_card', 'comment_card_number', 'comment_card_step', 'patron_contact') "
                    + "order by relname")) {
                while (rs.next()) {
                    all.append(rs.getString(1)).append(':').append(rs.getLong(2)).append('/').append(rs.getLong(3)).append('/')
                            .append(rs.getLong(4)).append('/').append(rs.getLong(5)).append(' ');
                }
            }
        }
        return all.toString();
    }
}
