package org.servicepoint.deploy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The chart rendered by Helm (through helm-java, no binary, no cluster) and every manifest read into
 * fabric8's typed Kubernetes model. Reading is strict: a field the model does not know, a duplicate key
 * or a kind not listed here fails, so a misspelt or misplaced field cannot pass unnoticed (Kubernetes
 * would drop it silently or refuse it only at install).
 */
final class RenderedChart {

    static final String RELEASE = "servicepoint";
    static final String NAMESPACE = "servicepoint";

    /** Every kind the chart may make, by apiVersion and kind; anything else is an error. */
    private static final Map<String, Class<? extends HasMetadata>> KINDS = Map.of(
            "v1/ConfigMap", ConfigMap.class,
            "v1/Service", Service.class,
            "v1/ServiceAccount", ServiceAccount.class,
            "v1/Secret", Secret.class,
            "apps/v1/Deployment", Deployment.class,
            "batch/v1/Job", Job.class,
            "networking.k8s.io/v1/Ingress", Ingress.class,
            "networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class,
            "policy/v1/PodDisruptionBudget", PodDisruptionBudget.class,
            "autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class);

    private static final ObjectMapper STRICT = strictMapper();

    /** The test's own template; it exists only in the copy of the chart the test renders. */
    private static final String HOOKS_UNDER_TEST = "hooks-under-test";

    private static Path chartCopy;

    /** What was rendered, as text: the release's manifest, then the text of each template that has hooks. */
    final String yaml;
    /** Every object: the release's manifest and its hooks. */
    final List<HasMetadata> objects;
    /** Only the hooks (objects with a helm.sh/hook annotation), which Helm runs before or after the manifest. */
    final List<HasMetadata> hooks;

    private RenderedChart(String yaml, List<HasMetadata> objects, List<HasMetadata> hooks) {
        this.yaml = yaml;
        this.objects = objects;
        this.hooks = hooks;
    }

    static Path repository() {
        return Path.of(System.getProperty("servicepoint.repository.dir", "../..")).toAbsolutePath().normalize();
    }

    static Path chart() {
        return repository().resolve("helm/servicepoint");
    }

    static Path productionValues() {
        return chart().resolve("values-production.yaml");
    }

    /** Renders with the chart's defaults, then the given values files, then the given --set pairs. */
    static RenderedChart render(List<Path> valuesFiles, String... setPairs) {
        TemplateCommand template = new Helm(chartWithHooksShown()).template()
                .withName(RELEASE)
                .withNamespace(NAMESPACE)
                .withKubeVersion("1.30.0");
        for (Path file : valuesFiles) {
            template = template.withValuesFile(file);
        }
        for (int i = 0; i < setPairs.length; i += 2) {
            template = template.set(setPairs[i], setPairs[i + 1]);
        }
        String manifest = template.call();
        List<HasMetadata> objects = new ArrayList<>(parseStrictly(manifest));
        ConfigMap shown = objects.stream().filter(ConfigMap.class::isInstance).map(ConfigMap.class::cast)
                .filter(c -> c.getMetadata().getName().equals(HOOKS_UNDER_TEST)).findFirst().orElseThrow();
        objects.remove(shown);
        StringBuilder text = new StringBuilder();
        for (String document : manifest.split("(?m)^---$")) {
            if (!document.isBlank() && !document.contains("# Source: servicepoint/templates/" + HOOKS_UNDER_TEST)) {
                text.append("---").append(document);
            }
        }
        List<HasMetadata> hooks = new ArrayList<>();
        for (String templateText : shown.getData().values()) {
            for (HasMetadata object : parseStrictly(templateText)) {
                Map<String, String> annotations = object.getMetadata().getAnnotations();
                if (annotations != null && annotations.containsKey("helm.sh/hook")) {
                    hooks.add(object);
                }
            }
            text.append("---\n").append(templateText);
        }
        objects.addAll(hooks);
        return new RenderedChart(text.toString(), List.copyOf(objects), List.copyOf(hooks));
    }

    /**
     * helm-java's template prints the release's manifest but not its hooks (Helm keeps those apart,
     * to run them at their time). So the test renders a copy of the chart with one template of its own
     * added, which renders the text of each template that declares a hook, unchanged, into a ConfigMap.
     */
    private static synchronized Path chartWithHooksShown() {
        if (chartCopy != null) {
            return chartCopy;
        }
        try {
            Path copy = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "chart-").resolve("servicepoint");
            List<String> hookTemplates = new ArrayList<>();
            try (Stream<Path> files = Files.walk(chart())) {
                for (Path file : files.toList()) {
                    Path target = copy.resolve(chart().relativize(file).toString());
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(target);
                        continue;
                    }
                    Files.copy(file, target);
                    if (file.getParent().getFileName().toString().equals("templates")
                            && Files.readString(file).contains("helm.sh/hook:")) {
                        hookTemplates.add(file.getFileName().toString());
                    }
                }
            }
            if (hookTemplates.isEmpty()) {
                throw new IllegalStateException("no template of the chart declares a hook");
            }
            StringBuilder template = new StringBuilder("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: "
                    + HOOKS_UNDER_TEST + "\ndata:\n");
            for (String file : hookTemplates) {
                template.append("  ").append(file).append(": {{ include (print $.Template.BasePath \"/")
                        .append(file).append("\") $ | quote }}\n");
            }
            Files.writeString(copy.resolve("templates/" + HOOKS_UNDER_TEST + ".yaml"), template);
            chartCopy = copy;
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static RenderedChart defaults() {
        return render(List.of());
    }

    static RenderedChart production() {
        return render(List.of(productionValues()));
    }

    static List<HasMetadata> parseStrictly(String yaml) {
        List<HasMetadata> objects = new ArrayList<>();
        try (MappingIterator<JsonNode> documents = STRICT.readerFor(JsonNode.class).readValues(yaml)) {
            while (documents.hasNext()) {
                JsonNode document = documents.next();
                if (document == null || document.isNull() || document.isEmpty()) {
                    continue;
                }
                String key = document.path("apiVersion").asText() + "/" + document.path("kind").asText();
                Class<? extends HasMetadata> type = KINDS.get(key);
                if (type == null) {
                    throw new IllegalStateException("the chart made a kind this test does not know: " + key);
                }
                objects.add(STRICT.treeToValue(document, type));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return objects;
    }

    <T extends HasMetadata> Stream<T> all(Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast);
    }

    <T extends HasMetadata> T one(Class<T> type) {
        List<T> found = all(type).toList();
        if (found.size() != 1) {
            throw new AssertionError("expected one " + type.getSimpleName() + ", found " + found.size());
        }
        return found.get(0);
    }

    <T extends HasMetadata> Optional<T> named(Class<T> type, String name) {
        return all(type).filter(o -> o.getMetadata().getName().equals(name)).findFirst();
    }

    Deployment deployment() {
        return one(Deployment.class);
    }

    Job migrationJob() {
        return one(Job.class);
    }

    /** The pod specs of every workload: the servers and the migration Job. */
    Stream<PodSpec> podSpecs() {
        return Stream.concat(
                all(Deployment.class).map(d -> d.getSpec().getTemplate().getSpec()),
                all(Job.class).map(j -> j.getSpec().getTemplate().getSpec()));
    }

    static Stream<Container> containersOf(PodSpec pod) {
        return Stream.concat(
                pod.getInitContainers() == null ? Stream.empty() : pod.getInitContainers().stream(),
                pod.getContainers().stream());
    }

    /**
     * Jackson with fabric8's catch-all for unknown fields switched off: the model classes keep fields
     * they do not know in a map (Kubernetes tolerates them); here they must fail instead.
     */
    private static ObjectMapper strictMapper() {
        ObjectMapper mapper = new ObjectMapper(new YAMLFactory());
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        mapper.enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.setAnnotationIntrospector(new JacksonAnnotationIntrospector() {
            @Override
            public Boolean hasAnySetter(Annotated annotated) {
                return Boolean.FALSE;
            }
        });
        return mapper;
    }
}
