package org.servicepoint.launcher;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Files incident reports over HTTP as staff would, round-robin over the tenants, each with its own tenant's token.
 * Closed loop (N clients, each sends its next request when the last one is answered) to find throughput; open loop
 * (requests at a fixed rate, latency counted from when each was due, so a slow answer also delays those behind it)
 * for latency at a given load.
 */
final class LoadGenerator {

    /** Every required answer of the built-in form for the category "other" (which needs no call or countersignature). */
    static final String CREATE_BODY = "{\"category\":\"other\",\"answers\":{"
            + "\"location\":\"Circulation desk\","
            + "\"description\":\"A patron left a bag unattended near the returns slot for about an hour; staff waited, then "
            + "opened it with a second staff member present and found books and a lunch box.\","
            + "\"actionTaken\":\"Kept the bag behind the desk and wrote down what was in it. The patron came back at 15:10 and "
            + "took it.\","
            + "\"emergencyServicesCalled\":false}}";


    /** What one phase measured: successes only in the latencies; every failure counted by its kind. */
    record Phase(String name, int clients, double targetRate, long successes, double seconds, long p50, long p99, long max,
                 Map<String, Long> errors, Map<String, String> errorSamples) {

        double perSecond() {
            return seconds > 0 ? successes / seconds : 0;
        }

        long errorCount() {
            return errors.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private final HttpClient http;
    private final String baseUrl;
    private final List<String> slugs;
    private final BenchTokens tokens;
    private final BenchmarkOptions.Operation operation;
    private final AtomicLong next = new AtomicLong();

    LoadGenerator(String baseUrl, List<String> slugs, BenchTokens tokens, BenchmarkOptions.Operation operation) {
        this.baseUrl = baseUrl;
        this.slugs = List.copyOf(slugs);
        this.tokens = tokens;
        this.operation = operation;
        // HTTP/1.1 without an upgrade attempt, kept-alive connections: one per client thread.
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** Per thread: its latencies and failures, merged when the phase ends. */
    private static final class Tally {
        final Latencies latencies = new Latencies();
        final Map<String, Long> errors = new TreeMap<>();
        final Map<String, String> samples = new TreeMap<>();
        long lastEnd;

        /** An operation answered now: its latency from {@code from} when it succeeded, else its failure. */
        void record(Failure failure, long from) {
            long done = System.nanoTime();
            if (failure == null) {
                latencies.add(done - from);
            } else {
                errors.merge(failure.kind(), 1L, Long::sum);
                samples.putIfAbsent(failure.kind(), failure.sample());
            }
            lastEnd = done;
        }
    }

    /** A failed step of an operation: its kind (for counting) and the first words of the answer (for the reader). */
    private record Failure(String kind, String sample) {
    }

    /** One operation (file, or file and sign) for the tenant at index {@code t}; null when it succeeded. */
    private Failure perform(int t) {
        String slug = slugs.get(t);
        String token = tokens.token(t);
        try {
            HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/tenants/" + slug + "/incident-reports"))
                    .timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(CREATE_BODY))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (created.statusCode() != 201) {
                return new Failure("create HTTP " + created.statusCode(), shorten(created.body()));
            }
            if (operation == BenchmarkOptions.Operation.CREATE) {
                return null;
            }
            String location = created.headers().firstValue("Location").orElse(null);
            long version = versionOf(created.body());
            if (location == null || version < 0) {
                return new Failure("create answer without Location or version", shorten(created.body()));
            }
            HttpResponse<String> signed = http.send(HttpRequest.newBuilder(URI.create(baseUrl + URI.create(location).getRawPath() + "/submit"))
                    .timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"version\":" + version + ",\"confirm\":true}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (signed.statusCode() != 200) {
                return new Failure("submit HTTP " + signed.statusCode(), shorten(signed.body()));
            }
            return null;
        } catch (HttpTimeoutException e) {
            return new Failure("timeout (30 s)", String.valueOf(e.getMessage()));
        } catch (IOException e) {
            return new Failure("I/O " + e.getClass().getSimpleName(), String.valueOf(e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Failure("interrupted", "");
        }
    }

    /** The report's version, its top-level "version" (steps have their own); -1 when the answer has none. */
    static long versionOf(String body) {
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            return reader.readObject().get("version") instanceof JsonNumber version ? version.longValue() : -1;
        } catch (JsonException notAnObject) {
            return -1;
        }
    }

    /** One operation per tenant, one after the other; answers the failures (empty when all went through). */
    List<String> primeEachTenant() {
        List<String> failures = new ArrayList<>();
        for (int t = 0; t < slugs.size(); t++) {
            Failure f = perform(t);
            if (f != null) {
                failures.add(slugs.get(t) + ": " + f.kind() + " " + f.sample());
            }
        }
        return failures;
    }

    /** {@code clients} threads, each sending its next operation as soon as the last one is answered. */
    Phase closedLoop(String name, int clients, Duration length) throws InterruptedException {
        List<Tally> tallies = new ArrayList<>();
        long start = together(clients, "bench-client-", tallies, (tally, from) -> {
            long end = from + length.toNanos();
            while (System.nanoTime() - end < 0) {
                long sent = System.nanoTime();
                tally.record(perform((int) (next.getAndIncrement() % slugs.size())), sent);
            }
        });
        return phase(name, clients, 0, tallies, start);
    }

    /**
     * Operations due at a fixed rate for {@code length}, sent by up to {@code workers} threads. Latency runs from
     * when an operation was due, not from when a thread got round to it, so falling behind shows in the figures.
     */
    Phase openLoop(String name, double rate, Duration length, int workers) throws InterruptedException {
        long total = Math.max(1, Math.round(rate * length.toNanos() / 1e9));
        double interval = 1e9 / rate;
        AtomicLong slot = new AtomicLong();
        List<Tally> tallies = new ArrayList<>();
        long start = together(workers, "bench-open-", tallies, (tally, from) -> {
            for (long i = slot.getAndIncrement(); i < total; i = slot.getAndIncrement()) {
                long due = from + (long) (i * interval);
                for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                    LockSupport.parkNanos(wait);
                }
                tally.record(perform((int) (next.getAndIncrement() % slugs.size())), due);
            }
        });
        return phase(name, workers, rate, tallies, start);
    }

    /** What one load thread does, from the common start on, counting into its own tally. */
    private interface Client {
        void run(Tally tally, long start);
    }

    /**
     * Starts {@code count} threads that begin at the same moment (none is still being created when the clock starts),
     * waits for all of them, and answers that moment (System.nanoTime).
     */
    private static long together(int count, String threadName, List<Tally> tallies, Client client) throws InterruptedException {
        CountDownLatch ready = new CountDownLatch(count);
        CountDownLatch go = new CountDownLatch(1);
        long[] start = new long[1];
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < count; c++) {
            Tally tally = new Tally();
            tallies.add(tally);
            Thread thread = new Thread(() -> {
                ready.countDown();
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                client.run(tally, start[0]);
            }, threadName + c);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        ready.await();
        start[0] = System.nanoTime();
        go.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        return start[0];
    }

    private static Phase phase(String name, int clients, double rate, List<Tally> tallies, long start) {
        Latencies all = Latencies.merge(tallies.stream().map(t -> t.latencies).toList());
        Map<String, Long> errors = new TreeMap<>();
        Map<String, String> samples = new TreeMap<>();
        long lastEnd = start;
        for (Tally t : tallies) {
            t.errors.forEach((k, v) -> errors.merge(k, v, Long::sum));
            t.samples.forEach(samples::putIfAbsent);
            lastEnd = Math.max(lastEnd, t.lastEnd);
        }
        double seconds = (lastEnd - start) / 1e9;
        return new Phase(name, clients, rate, all.count(), seconds, all.percentile(50), all.percentile(99), all.percentile(100),
                errors, samples);
    }

    private static String shorten(String body) {
        String flat = body == null ? "" : body.replaceAll("\\s+", " ").strip();
        return flat.length() > 300 ? flat.substring(0, 300) + "..." : flat;
    }
}
