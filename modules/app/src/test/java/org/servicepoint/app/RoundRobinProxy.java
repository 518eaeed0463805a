package org.servicepoint.app;

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
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A load balancer for tests: each request goes to the next ready instance in turn, with no stickiness of any kind.
 * Like a Kubernetes Service, it sends requests only to instances whose readiness ({@code /health/ready}, asked twice a
 * second) is 200: Payara opens its port before the application is deployed. An instance that refuses the connection
 * (killed since the last look) is passed over, since nothing reached it; a connection lost after the request was sent
 * is answered 502, as a real balancer would, because the instance may have acted on it.
 *
 * <p>An instance that has just become ready first gets one API request of the balancer's own ({@code WARM_UP}), and
 * only then traffic: Payara Micro 6.2025.10 makes the application's JSON-B {@code ContextResolver} on the first JSON
 * request, and concurrent first requests can fail with a {@code ConcurrentModificationException} in
 * {@code org.glassfish.weld.JaxRSJsonContextResolver} (500). See docs/decisions/0015.
 */
final class RoundRobinProxy implements AutoCloseable {

    /** Headers the HTTP client sets itself, and hop-by-hop ones that are not passed on. */
    private static final Set<String> NOT_PASSED = Set.of("host", "connection", "content-length", "expect", "upgrade",
            "transfer-encoding", "keep-alive", "http2-settings");

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final List<String> instances;
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicLongArray answered;
    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(16);
    private final ScheduledExecutorService readiness = Executors.newSingleThreadScheduledExecutor();
    private final AtomicIntegerArray ready;

    /** {@code instances}: base addresses such as {@code http://localhost:1234}. */
    RoundRobinProxy(List<String> instances) throws IOException {
        this.instances = List.copyOf(instances);
        this.answered = new AtomicLongArray(instances.size());
        this.ready = new AtomicIntegerArray(instances.size());
        lookAtReadiness();
        readiness.scheduleWithFixedDelay(this::lookAtReadiness, 500, 500, TimeUnit.MILLISECONDS);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        server.createContext("/", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    String url() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    /** How many requests the instance at this index has answered through the proxy. */
    long answeredBy(int instance) {
        return answered.get(instance);
    }

    /** A public API request answered with JSON through JSON-B. */
    static final String WARM_UP = "/api/public/tenants/riverbend/sign-in";

    private void lookAtReadiness() {
        for (int i = 0; i < instances.size(); i++) {
            try {
                boolean up = status(instances.get(i) + "/health/ready") == 200;
                ready.set(i, up && (ready.get(i) == 1 || status(instances.get(i) + WARM_UP) < 500) ? 1 : 0);
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

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            int first = Math.floorMod(next.getAndIncrement(), instances.size());
            for (int i = 0; i < instances.size(); i++) {
                int at = (first + i) % instances.size();
                if (ready.get(at) == 0) {
                    continue;
                }
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(instances.get(at) + exchange.getRequestURI()))
                        .timeout(Duration.ofSeconds(60))
                        .method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body));
                exchange.getRequestHeaders().forEach((name, values) -> {
                    if (!NOT_PASSED.contains(name.toLowerCase())) {
                        values.forEach(value -> request.header(name, value));
                    }
                });
                HttpResponse<byte[]> response;
                try {
                    response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
                } catch (ConnectException refused) {
                    continue; // nothing reached this instance: the next one may take the request
                } catch (IOException lost) {
                    answer(exchange, 502, "the instance was lost during the request");
                    return;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    answer(exchange, 502, "interrupted");
                    return;
                }
                answered.incrementAndGet(at);
                response.headers().map().forEach((name, values) -> {
                    if (!NOT_PASSED.contains(name.toLowerCase()) && !name.startsWith(":")) {
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
            answer(exchange, 503, "no instance answers");
        }
    }

    private static void answer(HttpExchange exchange, int status, String text) throws IOException {
        byte[] content = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain");
        exchange.sendResponseHeaders(status, content.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(content);
        }
    }

    @Override
    public void close() {
        readiness.shutdownNow();
        server.stop(0);
        threads.shutdownNow();
    }
}
