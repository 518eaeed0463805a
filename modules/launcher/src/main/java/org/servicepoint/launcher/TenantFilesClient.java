package org.servicepoint.launcher;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code plan DIR|FILE...} and {@code apply DIR|FILE...}: sends tenant files to a running server's admin
 * API and prints what it answers. The server does the reading and checking, so the command line and the
 * API can never disagree about what a file means.
 */
final class TenantFilesClient {

    /**
     * The files onboarding reads in a library system's folder, tenant file first. The server knows them by its
     * TenantFileKind beans; the command line names them here so that a folder sends nothing else (demo data has its
     * own way in).
     */
    static final List<String> ONBOARDED_FILES = List.of("tenant.yaml", "policies.yaml", "standards.yaml", "patron-requests.yaml",
            "incident-form.yaml");

    private final Settings settings;

    TenantFilesClient(Settings settings) {
        this.settings = settings;
    }

    int send(String command, String[] args) throws IOException, InterruptedException {
        List<Path> files = new ArrayList<>();
        for (String arg : args.length == 0 ? new String[] {settings.tenantsDir().toString()} : args) {
            Path path = Path.of(arg);
            if (Files.isDirectory(path) && Files.isRegularFile(path.resolve("tenant.yaml"))) {
                files.addAll(onboarded(path));
            } else if (Files.isDirectory(path)) {
                try (Stream<Path> dirs = Files.list(path)) {
                    for (Path dir : dirs.filter(d -> Files.isRegularFile(d.resolve("tenant.yaml"))).sorted().toList()) {
                        files.addAll(onboarded(dir));
                    }
                }
            } else if (Files.isRegularFile(path)) {
                files.add(path);
            } else {
                System.err.println(arg + ": no such file or folder");
                return 2;
            }
        }
        String key = settings.operatorKey() != null ? settings.operatorKey() : OperatorKeys.read(settings.stateDir());
        if (key == null) {
            System.err.println("No operator key: set SERVICEPOINT_OPERATOR_KEY (the local run keeps one in "
                    + settings.stateDir().resolve("operator-key") + ")");
            return 2;
        }
        String body = body(files, Path.of("").toAbsolutePath());
        HttpRequest request = HttpRequest.newBuilder(URI.create(settings.serverUrl() + "/api/admin/onboarding/" + command))
                .timeout(Duration.ofMinutes(2))
                .header("Content-Type", "application/json")
                .header("Accept", "text/plain, application/problem+json")
                .header("X-Operator-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> response;
        try {
            response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            System.err.println("Cannot reach ServicePoint at " + settings.serverUrl() + " (" + e.getMessage()
                    + "); start it first or set SERVICEPOINT_URL");
            return 2;
        }
        if (response.statusCode() == 200) {
            System.out.print(response.body());
            return 0;
        }
        System.err.println(ProblemLines.of(response.body()));
        return 1;
    }

    /** The files of one library system's folder that onboarding reads, in {@link #ONBOARDED_FILES} order. */
    static List<Path> onboarded(Path tenantDir) {
        return ONBOARDED_FILES.stream().map(tenantDir::resolve).filter(Files::isRegularFile).toList();
    }

    /** The request: each file's text under its path, relative to {@code cwd} when the file is inside it. */
    static String body(List<Path> files, Path cwd) throws IOException {
        JsonArrayBuilder sent = Json.createArrayBuilder();
        for (Path listed : files) {
            Path file = listed.toAbsolutePath();
            String shown = file.startsWith(cwd) ? cwd.relativize(file).toString() : file.toString();
            sent.add(Json.createObjectBuilder().add("path", shown).add("content", Files.readString(file, StandardCharsets.UTF_8)));
        }
        return Json.createObjectBuilder().add("files", sent).build().toString();
    }
}
