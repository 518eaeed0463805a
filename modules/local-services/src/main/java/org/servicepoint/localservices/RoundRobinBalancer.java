package org.servicepoint.localservices;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A load balancer for several ServicePoint instances on one machine (the two-replica test, the benchmark with
 * {@code --replicas}): each request goes to the next ready instance in turn, with no stickiness of any kind.
 *
 * <p>Like a Kubernetes Service it sends requests only to instances whose readiness ({@code /health/ready}, asked twice
 * a second) is 200, because Payara opens its port before the application is deployed. An instance that refuses the
 * connection (killed since the last look) is passed over, since nothing reached it; a connection lost after the
 * request was sent is answered 502, as a real balancer would, because the instance may have acted on it.
 *
 * <p>An instance that has just become ready first gets one request of the balancer's own ({@code warmUpPath}, a public
 * API request answered with JSON), and only then traffic: Payara Micro 6.2025.10 makes the application's JSON-B
 * {@code ContextResolver} on the first JSON request, and concurrent first requests can fail with a
 * {@code ConcurrentModificationException} in {@code org.glassfish.weld.JaxRSJsonContextResolver} (500). See
 * docs/decisions/0015.
 */
public final class RoundRobinBalancer implements AutoCloseable {

    /** Headers the HTTP client sets itself, and hop-by-hop ones that are not passed on. */
    private static final Set<String> HOP_BY_HOP = Set.of("host", "connection", "content-length", "expect", "upgrade",
            "transfer-encoding", "keep-alive", "http2-settings");

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final List<String> instances;
    private final String warmUpPath;
    private final AtomicInteger turn = new AtomicInteger();
    private final AtomicLongArray answered;
    /** 1 when the instance is ready and warmed up, else 0. */
    private final AtomicIntegerArray ready;
    private final HttpServer server;
    // One thread per request in flight: a fixed pool would queue clients inside the balancer and add to their latency.
    private final ExecutorService handlers = Executors.newCachedThreadPool(daemon("balancer-"));
    private final ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor(daemon("balancer-readiness-"));

    /**
     * Listens on {@code port} of the loopback address (0: any free port) for {@code instances}, base addresses such as
     * {@code http://localhost:1234}; {@code warmUpPath} is the first request each instance gets once it is ready.
     */
    public RoundRobinBalancer(List<String> instances, String warmUpPath, int port) throws IOException {
        this.instances = List.copyOf(instances);
        this.warmUpPath = warmUpPath;
        this.answered = new AtomicLongArray(this.instances.size());
        this.ready = new AtomicIntegerArray(this.instances.size());
        checkReadiness();
        watcher.scheduleWithFixedDelay(this::checkReadiness, 500, 500, TimeUnit.MILLISECONDS);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 256);
        server.createContext("/", this::forward);
        server.setExecutor(handlers);
        server.start();
    }

    public String url() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    public int size() {
        return instances.size();
    }

    /** How many requests the instance at this index has answered through the balancer (any status). */
    public long answeredBy(int instance) {
        return answered.get(instance);
    }

    /** Whether the instance at this index is ready and warmed up, so that it gets traffic. */
    public boolean isReady(int instance) {
        return ready.get(instance) == 1;
    }

    /** Waits until every instance gets traffic; false when one does not in time. */
    public boolean awaitAllReady(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() - deadline < 0) {
            boolean all = true;
            for (int i = 0; i < instances.size(); i++) {
                all &= isReady(i);
            }
            if (all) {
                return true;
            }
            Thread.sleep(200);
        }
        return false;
    }

    private void checkReadiness() {
        for (int i = 0; i < instances.size(); i++) {
            try {
                boolean up = status(instances.get(i) + "/health/ready") == 200;
                // The warm-up request goes out once per time the instance becomes ready, before any traffic.
                boolean warm = up && (isReady(i) || status(instances.get(i) + warmUpPath) < 500);
                ready.set(i, warm ? 1 : 0);
            } catch (IOException down) {
                ready.set(i, 0);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private int status(String url) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).header("Accept", "application/json")
                .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private void forward(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            int first = Math.floorMod(turn.getAndIncrement(), instances.size());
            for (int step = 0; step < instances.size(); step++) {
                int target = (first + step) % instances.size();
                if (!isReady(target)) {
                    continue;
                }
                HttpResponse<byte[]> response;
                try {
                    response = client.send(copy(exchange, body, instances.get(target)), HttpResponse.BodyHandlers.ofByteArray());
                } catch (ConnectException refused) {
                    continue; // the request never reached this instance, so another may take it
                } catch (IOException lost) {
                    reply(exchange, 502, "the instance was lost during the request");
                    return;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    reply(exchange, 502, "interrupted");
                    return;
                }
                answered.incrementAndGet(target);
                response.headers().map().forEach((name, values) -> {
                    if (passedOn(name)) {
                        exchange.getResponseHeaders().put(name, values);
                    }
                });
                byte[] content = response.body();
                exchange.sendResponseHeaders(response.statusCode(), content.length == 0 ? -1 : content.length);
                if (content.length > 0) {
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(content);
                    }
                }
                return;
            }
            reply(exchange, 503, "no instance is ready");
        }
    }

    private static HttpRequest copy(HttpExchange exchange, byte[] body, String instance) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(instance + exchange.getRequestURI()))
                .timeout(Duration.ofSeconds(60))
                .method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (passedOn(name)) {
                values.forEach(value -> request.header(name, value));
            }
        });
        return request.build();
    }

    private static boolean passedOn(String header) {
        return !header.startsWith(":") && !HOP_BY_HOP.contains(header.toLowerCase(Locale.ROOT));
    }

    private static void reply(HttpExchange exchange, int status, String text) throws IOException {
        byte[] content = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain");
        exchange.sendResponseHeaders(status, content.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(content);
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    @Override
    public void close() {
        watcher.shutdownNow();
        server.stop(0);
        handlers.shutdownNow();
    }
}
