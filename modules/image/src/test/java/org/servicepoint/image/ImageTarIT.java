package org.servicepoint.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The image tar the build wrote (target/servicepoint-image.tar, see pom.xml and docs/image.md), opened as a
 * registry would open it, checked against the contract with the Helm chart: what is in it, how it starts, as whom.
 */
class ImageTarIT {

    private static final Path TARGET = Path.of("target");
    private static final List<String> SERVER_COMMAND = List.of("java", "-jar", "/app/payara-micro.jar", "--deploy",
            "/app/servicepoint.war", "--contextroot", "/", "--port", "8080", "--nocluster");

    private static ImageLayout image;
    private static List<ImageLayout.Entry> entries;

    @BeforeAll
    static void openTheImage() throws IOException {
        image = ImageLayout.read(TARGET.resolve("servicepoint-image.tar"));
        entries = image.entries();
    }

    @Test
    void everyBlobIsWhatItsDigestSaysAndTheManifestIsTheOneTheBuildReported() throws IOException {
        image.blobs().forEach((digest, bytes) -> assertThat(ImageLayout.sha256(bytes)).as(digest).isEqualTo(digest));
        assertThat(image.manifestDigest()).isEqualTo(Files.readString(TARGET.resolve("servicepoint-image.digest")).trim());
        assertThat(image.layerDigests()).hasSizeGreaterThanOrEqualTo(4).allSatisfy(digest -> assertThat(image.blobs()).containsKey(digest));
        assertThat(image.config().path("rootfs").path("diff_ids")).hasSize(image.layerDigests().size());
    }

    @Test
    void theServerTheApplicationAndTheLauncherAreInTheirOwnLayersAsTheBuildMadeThem() throws IOException {
        Map<String, String> copied = Map.of(
                "app/payara-micro.jar", "image/server/payara-micro.jar",
                "app/servicepoint.war", "image/war/servicepoint.war",
                "app/servicepoint.jar", "image/launcher/servicepoint.jar");
        for (var file : copied.entrySet()) {
            ImageLayout.Entry entry = only(file.getKey());
            assertThat(entry.size()).as(file.getKey()).isEqualTo(Files.size(TARGET.resolve(file.getValue())));
            assertThat(entry.mode() & 0777).as(file.getKey()).isEqualTo(0644);
        }
        // one layer each, so a new WAR leaves Payara Micro's layer (and the runtime's) as they were
        assertThat(copied.keySet().stream().map(path -> only(path).layer()).distinct()).hasSize(3);
    }

    @Test
    void theOfflineBaseHasAJavaRuntimeOnThePathWithTheLibrariesItLoads() {
        assertThat(only("opt/java/openjdk/bin/java").mode() & 0777).isEqualTo(0755);
        assertThat(only("lib64/ld-linux-x86-64.so.2").mode() & 0111).isNotZero();
        assertThat(paths()).contains("lib/x86_64-linux-gnu/libc.so.6", "lib/x86_64-linux-gnu/libz.so.1",
                "opt/java/openjdk/lib/server/libjvm.so", "opt/java/openjdk/lib/security/cacerts", "usr/lib/locale/C.utf8/LC_CTYPE",
                "usr/share/doc/libc6/copyright", "etc/passwd", "etc/nsswitch.conf");
        // nothing to work with for someone who gets in: no shell, no package manager, no X11 or sound libraries
        assertThat(paths()).noneMatch(path -> path.matches("(usr/)?s?bin/(sh|bash|dash|apt|apt-get|dpkg)") || path.contains("libX11"));
        assertThat(environment()).containsEntry("JAVA_HOME", "/opt/java/openjdk").containsEntry("LANG", "C.UTF-8");
        assertThat(environment().get("PATH")).startsWith("/opt/java/openjdk/bin:");
        // the runtime's layer comes before the application's: it changes least often
        assertThat(only("opt/java/openjdk/bin/java").layer()).isLessThan(only("app/payara-micro.jar").layer());
    }

    @Test
    void theEntrypointStartsPayaraMicroWithTheWarAtTheRootOnPort8080AndNothingElse() {
        JsonNode config = image.config().path("config");
        assertThat(strings(config.path("Entrypoint"))).isEqualTo(SERVER_COMMAND);
        // no Cmd: the migration Job's command replaces the entrypoint whole and nothing is appended to it
        assertThat(strings(config.path("Cmd"))).isEmpty();
        assertThat(config.path("WorkingDir").asText()).isEqualTo("/tmp");
    }

    @Test
    void itRunsAsTheNumericUser65532AndExposesOnlyPort8080() {
        JsonNode config = image.config().path("config");
        assertThat(config.path("User").asText()).isEqualTo("65532:65532");
        assertThat(names(config.path("ExposedPorts"))).containsExactly("8080/tcp");
        assertThat(Files.exists(TARGET.resolve("image/runtime/etc/passwd"))).isTrue();
        assertThat(entries).filteredOn(entry -> entry.path().startsWith("tmp")).singleElement()
                .satisfies(tmp -> assertThat(tmp.mode() & 0777).isEqualTo(0777));
        // every file belongs to root and only /tmp is writable by others: the user 65532 cannot change the image
        assertThat(entries).allSatisfy(entry -> assertThat(entry.uid()).as(entry.path()).isZero());
        assertThat(entries).filteredOn(entry -> (entry.mode() & 0002) != 0).extracting(ImageLayout.Entry::path).containsExactly("tmp/");
    }

    @Test
    void noSettingOrSecretIsBakedIntoTheImage() {
        assertThat(environment().keySet()).containsExactlyInAnyOrder("JAVA_HOME", "PATH", "LANG");
        String config = image.config().toString();
        assertThat(config).doesNotContain("SERVICEPOINT_").doesNotContainIgnoringCase("password").doesNotContainIgnoringCase("secret");
        // settings come only from the environment (docs/configuration.md): no folder of tenant files, no local-run data
        assertThat(paths()).noneMatch(path -> path.contains(".servicepoint") || path.contains("tenant.yaml") || path.endsWith(".env"));
    }

    @Test
    void theLabelsNameTheVersionAndTheSource() {
        JsonNode labels = image.config().path("config").path("Labels");
        assertThat(labels.path("org.opencontainers.image.title").asText()).isEqualTo("ServicePoint");
        assertThat(labels.path("org.opencontainers.image.version").asText()).isEqualTo(System.getProperty("project.version")).isNotBlank();
        assertThat(labels.path("org.opencontainers.image.source").asText()).startsWith("https://");
    }

    @Test
    void aSecondBuildWithAnEmptyCacheGivesTheSameDigestBecauseEveryTimeIsTheEpoch() throws Exception {
        assertThat(Files.readString(TARGET.resolve("servicepoint-image-again.digest")))
                .isEqualTo(Files.readString(TARGET.resolve("servicepoint-image.digest")));
        assertThat(sha256(TARGET.resolve("servicepoint-image-again.tar"))).isEqualTo(sha256(TARGET.resolve("servicepoint-image.tar")));
        assertThat(image.config().path("created").asText()).isEqualTo("1970-01-01T00:00:00Z");
        assertThat(entries).allSatisfy(entry -> assertThat(entry.modifiedMillis()).as(entry.path()).isLessThanOrEqualTo(1000));
    }

    /**
     * The image's own file system, unpacked, run as a container runtime would with the chart's settings: user 65532,
     * a read-only root, a fresh /tmp, the image's PATH and only the settings given here. Against a real PostgreSQL
     * with the production roles, the migration Job's command brings the empty database to the schema, then the
     * entrypoint (with a free port appended, as the chart's args would be) serves it: readiness says UP.
     * Needs root and util-linux's unshare to lay out the mounts (CI runs as root).
     */
    @Test
    void theImageMigratesARealDatabaseAndThenServesItAsUser65532OnAReadOnlyRoot(@TempDir Path scratch) throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")) && Files.isExecutable(Path.of("/usr/bin/unshare")),
                "needs root and unshare to run the image's file system");
        Path root = scratch.resolve("root");
        image.unpack(root);
        Files.createDirectories(root.resolve("dev"));
        Files.createFile(root.resolve("etc/hosts"));
        Files.createFile(root.resolve("etc/resolv.conf"));
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("create role servicepoint_owner login password 'owner-password'");
                s.execute("create role servicepoint_app login password 'app-password'");
                s.execute("create role servicepoint_cross_tenant nologin bypassrls");
                s.execute("grant servicepoint_cross_tenant to servicepoint_owner");
                s.execute("create database servicepoint owner servicepoint_owner");
            }
            String url = "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/servicepoint";

            Container migrate = Container.run(root, List.of("java", "-jar", "/app/servicepoint.jar", "migrate"), Map.of(
                    "SERVICEPOINT_DB_URL", url, "SERVICEPOINT_DB_USER", "servicepoint_app",
                    "SERVICEPOINT_DB_MIGRATION_USER", "servicepoint_owner", "SERVICEPOINT_DB_MIGRATION_PASSWORD", "owner-password"));
            try {
                assertThat(migrate.process().waitFor(180, TimeUnit.SECONDS)).isTrue();
            } finally {
                migrate.stop();
            }
            assertThat(migrate.output()).contains("migrate: the schema of platform, tenancy");
            assertThat(migrate.process().exitValue()).as(migrate.output()).isZero();

            int port = freePort();
            List<String> command = new ArrayList<>(strings(image.config().path("config").path("Entrypoint")));
            command.addAll(List.of("--port", Integer.toString(port)));
            Container server = Container.run(root, command, Map.of(
                    "SERVICEPOINT_DB_URL", url, "SERVICEPOINT_DB_USER", "servicepoint_app", "SERVICEPOINT_DB_PASSWORD", "app-password",
                    "SERVICEPOINT_DB_MIGRATE", "false", "JAVA_TOOL_OPTIONS", "-Xmx384m -XX:+UseSerialGC"));
            try {
                HttpClient http = HttpClient.newHttpClient();
                HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/ready")).timeout(Duration.ofSeconds(5)).build();
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
                HttpResponse<String> answer = null;
                while (System.nanoTime() < deadline && server.process().isAlive()) {
                    try {
                        answer = http.send(ready, HttpResponse.BodyHandlers.ofString());
                        if (answer.statusCode() == 200) {
                            break;
                        }
                    } catch (IOException notListeningYet) {
                        // Payara Micro is still starting
                    }
                    Thread.sleep(1000);
                }
                assertThat(answer).as(server::output).isNotNull();
                assertThat(answer.statusCode()).as(server::output).isEqualTo(200);
                assertThat(answer.body()).contains("\"status\":\"UP\"");
            } finally {
                server.stop();
            }
        }
    }

    /** One run of a command in the unpacked image, the output collected as it comes. */
    private record Container(Process process, StringBuffer collected, Thread reader) {

        static Container run(Path root, List<String> command, Map<String, String> settings) throws IOException {
            StringBuilder environment = new StringBuilder("PATH=" + environment().get("PATH") + " LANG=" + environment().get("LANG"));
            settings.forEach((name, value) -> environment.append(' ').append(name).append("='").append(value).append('\''));
            String mounts = String.join(" && ",
                    "mount --bind '" + root + "' '" + root + "'",
                    "mount -o remount,bind,ro '" + root + "'",
                    "mount --bind /dev '" + root + "/dev'",
                    // a runtime mounts the host name's entries and the resolver's settings there
                    "mount --bind /etc/hosts '" + root + "/etc/hosts'",
                    "mount --bind /etc/resolv.conf '" + root + "/etc/resolv.conf'",
                    "mount -t proc proc '" + root + "/proc'",
                    "mount -t tmpfs -o mode=1777 tmpfs '" + root + "/tmp'",
                    "exec env -i " + environment + " /usr/sbin/chroot --userspec=65532:65532 '" + root + "' "
                            + command.stream().map(word -> "'" + word + "'").collect(Collectors.joining(" ")));
            Process process = new ProcessBuilder("unshare", "--mount", "--pid", "--fork", "--kill-child", "bash", "-c", mounts)
                    .redirectErrorStream(true).start();
            StringBuffer collected = new StringBuffer();
            Thread reader = new Thread(() -> {
                try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                        collected.append(line).append('\n');
                    }
                } catch (IOException ignored) {
                    // the process ended
                }
            });
            reader.setDaemon(true);
            reader.start();
            return new Container(process, collected, reader);
        }

        /**
         * Ends the command itself: unshare does not pass a signal on, and a child that changed its user loses the
         * parent-death signal, so the JVM (the namespace's first process) is told directly.
         */
        void stop() throws InterruptedException {
            List<ProcessHandle> inside = process.descendants().toList();
            inside.forEach(ProcessHandle::destroy);
            for (ProcessHandle handle : inside) {
                if (!handle.onExit().completeOnTimeout(handle, 30, TimeUnit.SECONDS).join().isAlive()) {
                    continue;
                }
                handle.destroyForcibly();
            }
            process.destroy();
            process.waitFor(30, TimeUnit.SECONDS);
        }

        /** What it printed so far; all of it once it has ended. */
        String output() {
            if (!process.isAlive()) {
                try {
                    reader.join(5000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return collected.toString();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static ImageLayout.Entry only(String path) {
        List<ImageLayout.Entry> found = entries.stream().filter(entry -> entry.path().equals(path)).toList();
        assertThat(found).as(path).hasSize(1);
        return found.get(0);
    }

    private static List<String> paths() {
        return entries.stream().map(ImageLayout.Entry::path).toList();
    }

    private static Map<String, String> environment() {
        return strings(image.config().path("config").path("Env")).stream()
                .collect(Collectors.toMap(line -> line.substring(0, line.indexOf('=')), line -> line.substring(line.indexOf('=') + 1)));
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static String sha256(Path file) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
