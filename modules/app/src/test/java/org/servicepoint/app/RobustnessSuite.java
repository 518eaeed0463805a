package org.servicepoint.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import org.servicepoint.app.HostileInputs.Request;

/**
 * Sends one endpoint family's hostile requests to the running application and checks what must hold for every
 * one of them: a 4xx answer, as problem+json, without a stack trace; and afterwards the family's tables hold
 * exactly the rows they held before (counted as the database superuser, past every wall).
 */
final class RobustnessSuite {

    /** At least this many requests per family (issue 10); the seed makes a failure repeatable. */
    static final int TRIES = Integer.getInteger("servicepoint.robustness.tries", 1000);
    static final String SEED = "20261203";

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private final String baseUrl;
    private final String jdbcUrl;

    RobustnessSuite(String baseUrl, String jdbcUrl) {
        this.baseUrl = baseUrl;
        this.jdbcUrl = jdbcUrl;
    }

    /** The family's requests, each arbitrary with its weight, {@link #TRIES} drawn by jqwik in all. */
    @SafeVarargs
    final void run(String family, Map<String, String> credentials, List<String> tables,
                   net.jqwik.api.Tuple.Tuple2<Integer, Arbitrary<Request>>... weighted) throws Exception {
        Arbitrary<Request> requests = Arbitraries.frequencyOf(List.of(weighted));
        Map<String, Long> before = counts(tables);
        long started = System.nanoTime();
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        Map<Integer, Integer> statuses = Collections.synchronizedMap(new java.util.TreeMap<>());
        java.util.concurrent.atomic.AtomicInteger sent = new java.util.concurrent.atomic.AtomicInteger();
        // jqwik draws the requests one by one; four connections send them, so the family takes seconds, not minutes.
        java.util.concurrent.ExecutorService senders = java.util.concurrent.Executors.newFixedThreadPool(4);
        List<java.util.concurrent.Future<?>> pending = Collections.synchronizedList(new ArrayList<>());
        HostileRequests.family = new HostileRequests.Family(requests, request -> {
            sent.incrementAndGet();
            pending.add(senders.submit(() -> {
                String problem = check(request, credentials, statuses);
                if (problem != null) {
                    failures.add(problem);
                }
            }));
            return null;
        });
        var summary = new org.junit.platform.launcher.listeners.SummaryGeneratingListener();
        try {
            org.junit.platform.launcher.core.LauncherFactory.create().execute(
                    org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request()
                            .selectors(org.junit.platform.engine.discovery.DiscoverySelectors.selectClass(HostileRequests.class))
                            .filters(org.junit.platform.launcher.EngineFilter.includeEngines("jqwik"))
                            .configurationParameter("jqwik.tries.default", Integer.toString(TRIES))
                            .configurationParameter("jqwik.database", "target/jqwik-database")
                            .configurationParameter("jqwik.reporting.onlyfailures", "true")
                            .build(), summary);
            for (var answered : List.copyOf(pending)) {
                answered.get();
            }
        } finally {
            HostileRequests.family = null;
            senders.shutdownNow();
        }
        Map<String, Long> after = counts(tables);
        System.out.printf("robustness %s: %d requests in %d ms, answers %s, rows %s%n", family, sent.get(),
                Duration.ofNanos(System.nanoTime() - started).toMillis(), statuses, after);
        var result = summary.getSummary();
        result.getFailures().forEach(f -> f.getException().printStackTrace());
        assertEquals(1, result.getTestsSucceededCount(), family + ": the property did not run through: " + result.getFailures().stream()
                .map(f -> String.valueOf(f.getException())).toList());
        assertTrue(sent.get() >= TRIES, family + ": only " + sent.get() + " requests were sent");
        assertTrue(failures.isEmpty(), family + ": " + failures.size() + " of " + sent.get() + " hostile requests were not refused "
                + "with a 4xx problem (seed " + SEED + "), e.g.:\n" + String.join("\n", failures.subList(0, Math.min(8, failures.size()))));
        assertEquals(before, after, family + ": hostile requests stored something");
    }

    private String check(Request request, Map<String, String> credentials, Map<Integer, Integer> statuses) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + "/api/" + request.path()))
                .timeout(Duration.ofSeconds(60))
                .method(request.method(), HttpRequest.BodyPublishers.ofByteArray(request.body()))
                .header("Content-Type", request.contentType())
                .header("Accept", "application/json");
        credentials.forEach(builder::header);
        HttpResponse<String> response;
        try {
            response = HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            // A server may close the connection on a body it refused before reading it (413): that is a refusal too,
            // but only when it said 413 first; anything else is a failure worth seeing.
            return "no answer (" + e + ") to " + request.shown();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
        statuses.merge(response.statusCode(), 1, Integer::sum);
        int status = response.statusCode();
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (status < 400 || status > 499) {
            return status + " " + abbreviated(response.body()) + " ← " + request.shown();
        }
        if (!type.startsWith("application/problem+json")) {
            return status + " as " + type + " ← " + request.shown();
        }
        if (response.body().contains("Exception") || response.body().contains("\tat ")) {
            return "a stack trace leaked: " + abbreviated(response.body()) + " ← " + request.shown();
        }
        return null;
    }

    private static String abbreviated(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }

    /** Row counts as the superuser: neither EclipseLink's filter nor row-level security hides anything from it. */
    Map<String, Long> counts(List<String> tables) throws Exception {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", ""); Statement s = c.createStatement()) {
            for (String table : tables) {
                try (ResultSet rows = s.executeQuery("select count(*) from " + table)) {
                    rows.next();
                    counts.put(table, rows.getLong(1));
                }
            }
        }
        return counts;
    }
}
