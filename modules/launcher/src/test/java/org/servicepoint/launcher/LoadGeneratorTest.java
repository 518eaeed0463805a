package org.servicepoint.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LoadGeneratorTest {

    @Test
    void theReportsVersionIsItsLastVersionField() {
        assertThat(LoadGenerator.versionOf("{\"formVersion\":1,\"id\":\"x\",\"steps\":{\"version\":9},\"version\":3}")).isEqualTo(3);
        assertThat(LoadGenerator.versionOf("{\"id\":\"x\"}")).isEqualTo(-1);
    }

    @Test
    void theBodyAnswersWhatTheBuiltInFormRequires() {
        // location, description, actionTaken and emergencyServicesCalled are required for every category
        assertThat(LoadGenerator.CREATE_BODY).contains("\"category\":\"other\"").contains("\"location\":")
                .contains("\"description\":").contains("\"actionTaken\":").contains("\"emergencyServicesCalled\":false");
    }

    /**
     * The loops against a stand-in server that refuses the first filing and every fifth after it: successes timed,
     * refusals counted by kind. Refusing the first makes sure even a slow machine that files only once in the closed
     * loop's 400 ms sees a refusal; any 50 filings in a row hold exactly ten refusals.
     */
    @Test
    void bothLoopsCountWhatWasAnsweredAndWhatWasRefused() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        AtomicInteger filed = new AtomicInteger();
        server.createContext("/api/tenants/", exchange -> {
            boolean sign = exchange.getRequestURI().getPath().endsWith("/submit");
            exchange.getRequestBody().readAllBytes();
            int status = sign ? 200 : filed.incrementAndGet() % 5 == 1 ? 500 : 201;
            byte[] body = (status == 500 ? "{\"title\":\"boom\"}" : "{\"id\":\"r\",\"version\":2}").getBytes(StandardCharsets.UTF_8);
            if (status == 201) {
                exchange.getResponseHeaders().add("Location", "/api/tenants/a/incident-reports/r");
            }
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort();
            LoadGenerator generator = new LoadGenerator(url, List.of("a", "b"), new BenchTokens(url, List.of("a", "b"), "u", "p"),
                    BenchmarkOptions.Operation.CREATE_AND_SIGN);

            LoadGenerator.Phase closed = generator.closedLoop("closed", 2, Duration.ofMillis(400));
            assertThat(closed.successes()).isPositive();
            assertThat(closed.errors()).containsOnlyKeys("create HTTP 500");
            assertThat(closed.successes() + closed.errorCount()).isEqualTo(filed.get());
            assertThat(closed.p50()).isPositive().isLessThanOrEqualTo(closed.p99());

            int before = filed.get();
            LoadGenerator.Phase open = generator.openLoop("open", 100, Duration.ofMillis(500), 2);
            assertThat(open.successes() + open.errorCount()).isEqualTo(50).isEqualTo(filed.get() - before);
            assertThat(open.errorCount()).isEqualTo(10);
        } finally {
            server.stop(0);
        }
    }
}
