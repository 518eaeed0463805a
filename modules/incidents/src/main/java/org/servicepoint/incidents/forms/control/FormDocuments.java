package org.servicepoint.incidents.forms.control;

import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.servicepoint.platform.control.Refusal.Violation;
import org.servicepoint.platform.control.SchemaDocuments;
import org.servicepoint.platform.control.Text;

/**
 * Reads incident forms (a YAML file or a JSON or YAML body) with the platform's {@link SchemaDocuments}: the
 * published JSON Schema first, then {@link FormRules}; every problem is named with its file, line and field, and a
 * form with any problem is refused whole. What comes out is normalised, with its canonical JSON and that text's
 * SHA-256, which decides whether publishing it makes a new version.
 */
public final class FormDocuments {

    public static final String FILE_NAME = "incident-form.yaml";
    public static final int MAX_CHARS = 200_000;

    private static final String DEFAULT_FORM = "/org/servicepoint/incidents/default-incident-form.yaml";
    private static final SchemaDocuments DOCUMENTS = SchemaDocuments.described(
            "https://servicepoint.invalid/schemas/incident-form-v1.json", "org/servicepoint/incidents/incident-form.schema.json");
    private static final JsonSchema SCHEMA = DOCUMENTS.schema("");

    /** A checked form: normalised, as canonical JSON, and that text's hash. */
    public record Checked(FormDefinition form, String canonical, String hash) {
        public static Checked of(FormDefinition form) {
            FormDefinition normalised = form.normalised();
            String canonical = CanonicalJson.write(CanonicalJson.ofRecord(normalised));
            return new Checked(normalised, canonical, CanonicalJson.sha256(canonical));
        }
    }

    private FormDocuments() {
    }

    /**
     * Reads and checks a form. {@code source} names it in errors (a file path, or "body"); {@code positions} are the
     * library system's position codes, or null when not known (then recipients are checked at publication).
     */
    public static Checked read(String source, String text, InputFormat format, Set<String> positions) {
        if (text != null && text.length() > MAX_CHARS) {
            throw SchemaDocuments.refuse(source, List.of(new Violation("(document)", Text.of("incidents.form.too-long", MAX_CHARS),
                    source)));
        }
        SchemaDocuments.Read<FormDefinition> read = DOCUMENTS.read(source, text, format, SCHEMA, FormDefinition.class);
        return Checked.of(read.checked(FormRules.check(read.value(), positions)));
    }

    /** The form a library system uses until it publishes its own. */
    public static Checked defaultForm() {
        return Default.FORM;
    }

    /** A stored version's canonical JSON back as a form; it was checked when it was published. */
    public static FormDefinition stored(String canonical) {
        return CanonicalJson.toRecord(canonical, FormDefinition.class);
    }

    private static final class Default {
        static final Checked FORM = read("default-incident-form.yaml", text(), InputFormat.YAML, null);

        private static String text() {
            try (InputStream in = FormDocuments.class.getResourceAsStream(DEFAULT_FORM)) {
                if (in == null) {
                    throw new IllegalStateException(DEFAULT_FORM + " is not on the classpath");
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
