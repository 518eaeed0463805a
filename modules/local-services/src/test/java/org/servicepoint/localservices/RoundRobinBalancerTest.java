package org.servicepoint.localservices;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RoundRobinBalancerTest {

    static final String WARM_UP = "/api/public/warm";
    final HttpClient http = HttpClient.newHttpClient();
    final List<Instance> instances = new ArrayList<>();
    RoundRobinBalancer balancer;

    /** A stand-in for one ServicePoint instance: readiness as set, every other path answered with its name. */
    static final class Instance implements AutoCloseable {
        final String name;
        final AtomicInteger readiness = new AtomicInteger(200);
        final List<String> paths = Collections.synchronizedList(new ArrayList<>());
        final HttpServer server;

        Instance(String name) throws IOException {
            this.name = name;
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
            server.createContext("/", exchange -> {
                try (exchange) {
                    String path = exchange.getRequestURI().getPath();
                    int status = path.equals("/health/ready") ? readiness.get() : 200;
                    if (!path.equals("/health/ready")) {
                        paths.add(exchange.getRequestMethod() + " " + path + " " + new String(exchange.getRequestBody().readAllBytes(),
                                StandardCharsets.UTF_8));
                    }
                    byte[] body = name.getBytes(StandardCharsets.UTF_8);
                    exchange.sendResponseHeaders(status, body.length);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(body);
                    }
                }
            });
            server.start();
        }

        String url() {
            return "http://localhost:" + server.getAddress().getPort();
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    void start(String... names) throws IOException {
        for (String name : names) {
            instances.add(new Instance(name));
        }
    }

    void balance() throws IOException {
        balancer = new RoundRobinBalancer(instances.stream().map(Instance::url).toList(), WARM_UP, 0);
    }

    void balance(String... names) throws IOException {
        start(names);
        balance();
    }

    HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(balancer.url() + path)).timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @AfterEach
    void stop() {
        if (balancer != null) {
            balancer.close();
        }
        instances.forEach(Instance::close);
    }

    @Test
    void requests_go_to_each_ready_instance_in_turn_after_its_warm_up_request_and_are_counted_per_instance() throws Exception {
        balance("a", "b", "c");
        assertThat(balancer.awaitAllReady(Duration.ofSeconds(5))).isTrue();
        List<String> answers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            HttpResponse<String> answer = post("/api/things", "n" + i);
            assertThat(answer.statusCode()).isEqualTo(200);
            answers.add(answer.body());
        }
        assertThat(answers.subList(0, 3)).containsExactlyInAnyOrder("a", "b", "c");
        assertThat(answers.subList(3, 6)).isEqualTo(answers.subList(0, 3));
        for (int i = 0; i < 3; i++) {
            assertThat(balancer.answeredBy(i)).isEqualTo(2);
            Instance instance = instances.get(i);
            assertThat(instance.paths).hasSize(3);
            assertThat(instance.paths.get(0)).startsWith("GET " + WARM_UP);
            assertThat(instance.paths.subList(1, 3)).allMatch(p -> p.startsWith("POST /api/things n"));
        }
    }

    @Test
    void an_instance_that_is_not_ready_gets_no_traffic_until_it_is_and_none_ready_is_answered_503() throws Exception {
        start("a", "b");
        instances.get(1).readiness.set(503);
        balance();
        Thread.sleep(1200);
        assertThat(balancer.isReady(0)).isTrue();
        assertThat(balancer.isReady(1)).isFalse();
        for (int i = 0; i < 4; i++) {
            assertThat(post("/api/things", "x").body()).isEqualTo("a");
        }
        assertThat(balancer.answeredBy(1)).isZero();
        assertThat(instances.get(1).paths).isEmpty();

        instances.get(1).readiness.set(200);
        assertThat(balancer.awaitAllReady(Duration.ofSeconds(5))).isTrue();
        assertThat(instances.get(1).paths).containsExactly("GET " + WARM_UP + " ");

        instances.get(0).readiness.set(503);
        instances.get(1).readiness.set(503);
        Thread.sleep(1200);
        HttpResponse<String> none = post("/api/things", "x");
        assertThat(none.statusCode()).isEqualTo(503);
    }

    @Test
    void an_instance_that_refuses_connections_is_passed_over_so_the_request_still_gets_an_answer() throws Exception {
        balance("a", "b");
        assertThat(balancer.awaitAllReady(Duration.ofSeconds(5))).isTrue();
        instances.get(0).close();
        for (int i = 0; i < 4; i++) {
            HttpResponse<String> answer = post("/api/things", "x");
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.body()).isEqualTo("b");
        }
        assertThat(balancer.answeredBy(0)).isZero();
        assertThat(balancer.answeredBy(1)).isEqualTo(4);
    }
}
