package org.servicepoint.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TenantFilesClientTest {

    @TempDir
    Path dir;

    @Test
    void each_file_goes_out_with_its_path_and_its_text_unchanged() throws Exception {
        String text = "name: \"Bibliothèque \\\\ Riverbend\"\n\tslug: riverbend\r\nnote: \u0001\u001f ليلى\n";
        Path file = Files.writeString(Files.createDirectories(dir.resolve("riverbend")).resolve("tenant.yaml"), text, StandardCharsets.UTF_8);
        Path outside = Files.writeString(Files.createTempFile("other", ".yaml"), "slug: other\n", StandardCharsets.UTF_8);
        try {
            JsonObject body = Json.createReader(new StringReader(TenantFilesClient.body(List.of(file, outside), dir))).readObject();

            assertThat(body.getJsonArray("files")).hasSize(2);
            assertThat(body.getJsonArray("files").getJsonObject(0).getString("path")).isEqualTo(Path.of("riverbend", "tenant.yaml").toString());
            assertThat(body.getJsonArray("files").getJsonObject(0).getString("content")).isEqualTo(text);
            assertThat(body.getJsonArray("files").getJsonObject(1).getString("path")).isEqualTo(outside.toAbsolutePath().toString());
        } finally {
            Files.delete(outside);
        }
    }

    @Test
    void a_library_systems_folder_sends_its_tenant_file_first_then_the_files_beside_it_and_nothing_else() throws Exception {
        Path riverbend = Files.createDirectories(dir.resolve("riverbend"));
        for (String name : List.of("standards.yaml", "incident-form.yaml", "policies.yaml", "tenant.yaml", "notes.yaml")) {
            Files.writeString(riverbend.resolve(name), "x: 1\n");
        }

        assertThat(TenantFilesClient.onboarded(riverbend)).extracting(p -> p.getFileName().toString())
                .containsExactly("tenant.yaml", "policies.yaml", "standards.yaml", "incident-form.yaml");
    }
}
