package org.servicepoint.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Helm chart in helm/servicepoint, linted and rendered with its defaults and with the production example. */
class HelmChartTest {

    /** Every variable that carries a secret: it may only ever come from a Secret the operator made. */
    static final Set<String> SECRET_VARIABLES = Set.of(
            "SERVICEPOINT_DB_PASSWORD",
            "SERVICEPOINT_DB_MIGRATION_PASSWORD",
            "SERVICEPOINT_CONFIDENTIALITY_MASTER_KEY",
            "SERVICEPOINT_CONFIDENTIALITY_PREVIOUS_MASTER_KEYS",
            "SERVICEPOINT_KEYCLOAK_ADMIN_CLIENT_SECRET",
            "SERVICEPOINT_OPERATOR_KEY_SHA256",
            "SERVICEPOINT_MAIL_PASSWORD",
            "SERVICEPOINT_PUBLIC_PAGES_SECRET",
            "SERVICEPOINT_DEMO_PASSWORD");

    static RenderedChart defaults;
    static RenderedChart production;

    @BeforeAll
    static void render() throws IOException {
        defaults = RenderedChart.defaults();
        production = RenderedChart.production();
        // Kept for reading: what Helm would apply, hooks included.
        Files.writeString(Files.createDirectories(Path.of("target/rendered")).resolve("defaults.yaml"), defaults.yaml);
        Files.writeString(Path.of("target/rendered/production.yaml"), production.yaml);
    }

    static Stream<RenderedChart> both() {
        return Stream.of(defaults, production);
    }

    @Test
    void theChartPassesHelmLintInStrictMode() {
        LintResult result = new Helm(RenderedChart.chart()).lint().strict().call();

        assertThat(result.isFailed()).as(String.join("\n", result.getMessages())).isFalse();
    }

    @Test
    void theDefaultsMakeTheServersTheirServiceAndTheMigrationJobAndNothingElse() {
        assertThat(defaults.objects).extracting(HasMetadata::getKind).containsExactlyInAnyOrder(
                "ConfigMap", "Service", "ServiceAccount", "Deployment", "Job",
                "NetworkPolicy", "NetworkPolicy", "PodDisruptionBudget");
        assertThat(defaults.deployment().getSpec().getReplicas()).isEqualTo(2);
    }

    @Test
    void theProductionExampleAddsTlsIngressAndTheAutoscalerAndLeavesReplicasToIt() {
        Ingress ingress = production.one(Ingress.class);
        assertThat(ingress.getSpec().getTls()).singleElement()
                .satisfies(tls -> assertThat(tls.getHosts()).containsExactly("servicepoint.example.org"));
        assertThat(ingress.getSpec().getRules().get(0).getHttp().getPaths().get(0).getBackend().getService().getName())
                .isEqualTo(production.one(io.fabric8.kubernetes.api.model.Service.class).getMetadata().getName());

        HorizontalPodAutoscaler hpa = production.one(HorizontalPodAutoscaler.class);
        assertThat(hpa.getSpec().getScaleTargetRef().getName())
                .isEqualTo(production.deployment().getMetadata().getName());
        assertThat(hpa.getSpec().getMinReplicas()).isGreaterThanOrEqualTo(2);
        // A fixed replica count would fight the autoscaler at every upgrade.
        assertThat(production.deployment().getSpec().getReplicas()).isNull();
        assertThat(production.deployment().getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
                .startsWith("registry.example.org/library/servicepoint@sha256:");
    }

    @Test
    void theStrictReaderRefusesAFieldTheKubernetesModelDoesNotKnow() {
        String misplaced = """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: x
                spec:
                  replicas: 2
                  template:
                    spec:
                      containers:
                        - name: x
                          image: x
                          readinessProbes: {}
                """;

        assertThatThrownBy(() -> RenderedChart.parseStrictly(misplaced)).hasMessageContaining("readinessProbes");
        assertThatThrownBy(() -> RenderedChart.parseStrictly("apiVersion: v1\nkind: Pod\nmetadata: {name: x}\n"))
                .hasMessageContaining("v1/Pod");
    }

    @Test
    void aValueOfTheWrongShapeFailsAtInstallThroughTheSchema() {
        Map<String, String> wrong = Map.ofEntries(
                Map.entry("replicaCount", "two"),
                Map.entry("antiAffinity", "sometimes"),
                Map.entry("image.pullPolicy", "Sometimes"),
                Map.entry("image.digest", "latest"),
                Map.entry("secrets.database.password", "hunter2"),
                Map.entry("config.db.url", "postgres://db/servicepoint"),
                Map.entry("jvm.maxRamPercentage", "95"),
                Map.entry("resources.limits.memory", "null"),
                Map.entry("networkPolicy.egress.postgres.port", "5432"),
                Map.entry("migration.existingSecret", ""),
                Map.entry("unknownTopLevel", "x"));
        wrong.forEach((key, value) -> assertThatThrownBy(() -> RenderedChart.render(List.of(), key, value))
                .as("%s=%s", key, value)
                .hasMessageContaining("values don't meet the specifications of the schema"));
    }

    @Test
    void aDisruptionBudgetThatWouldBlockEveryNodeDrainIsRefused() {
        assertThatThrownBy(() -> RenderedChart.render(List.of(), "podDisruptionBudget.minAvailable", "2"))
                .hasMessageContaining("must be below the replicas");
    }

    @Test
    void aMailUserWithoutStarttlsIsRefusedBecauseItsPasswordWouldTravelInTheClear() {
        assertThatThrownBy(() -> RenderedChart.render(List.of(),
                "config.mail.user", "servicepoint", "config.mail.starttls", "false"))
                .hasMessageContaining("config.mail.user needs config.mail.starttls=true");
        assertThat(RenderedChart.render(List.of(), "config.mail.user", "servicepoint").one(ConfigMap.class).getData())
                .containsEntry("SERVICEPOINT_MAIL_USER", "servicepoint");
    }

    @Test
    void noSecretValueIsWrittenIntoAnyManifest() {
        both().forEach(chart -> {
            assertThat(chart.all(Secret.class)).as("the chart makes no Secret").isEmpty();
            chart.podSpecs().flatMap(RenderedChart::containersOf).flatMap(c -> env(c).stream())
                    .filter(e -> SECRET_VARIABLES.contains(e.getName()))
                    .forEach(e -> {
                        assertThat(e.getValue()).as(e.getName()).isNull();
                        assertThat(e.getValueFrom().getSecretKeyRef()).as(e.getName()).isNotNull();
                    });
            chart.podSpecs().flatMap(RenderedChart::containersOf)
                    .filter(c -> c.getEnvFrom() != null)
                    .flatMap(c -> c.getEnvFrom().stream())
                    .forEach(from -> assertThat(from.getSecretRef()).as("whole Secrets as environment").isNull());
            chart.all(ConfigMap.class).forEach(map ->
                    assertThat(map.getData().keySet()).doesNotContainAnyElementsOf(SECRET_VARIABLES));
        });
    }

    @Test
    void theServersGetEverySecretByReferenceToTheNamedKey() {
        Map<String, String> refs = env(production.deployment().getSpec().getTemplate().getSpec().getContainers().get(0))
                .stream().filter(e -> e.getValueFrom() != null)
                .collect(Collectors.toMap(EnvVar::getName, e -> e.getValueFrom().getSecretKeyRef().getName()
                        + "/" + e.getValueFrom().getSecretKeyRef().getKey()));

        assertThat(refs).containsExactlyInAnyOrderEntriesOf(Map.of(
                "SERVICEPOINT_DB_PASSWORD", "servicepoint-db-app/password",
                "SERVICEPOINT_CONFIDENTIALITY_MASTER_KEY", "servicepoint-master-key/master-key",
                "SERVICEPOINT_CONFIDENTIALITY_PREVIOUS_MASTER_KEYS", "servicepoint-master-key/previous-master-keys",
                "SERVICEPOINT_KEYCLOAK_ADMIN_CLIENT_SECRET", "servicepoint-keycloak-client/client-secret",
                "SERVICEPOINT_OPERATOR_KEY_SHA256", "servicepoint-operator-keys/sha256",
                "SERVICEPOINT_MAIL_PASSWORD", "servicepoint-mail/password",
                "SERVICEPOINT_PUBLIC_PAGES_SECRET", "servicepoint-public-pages/secret"));
    }

    @Test
    void theMigrationJobIsAPreInstallAndPreUpgradeHookSoItRunsBeforeTheServersChange() {
        both().forEach(chart -> {
            Job job = chart.migrationJob();
            Map<String, String> annotations = job.getMetadata().getAnnotations();
            assertThat(annotations.get("helm.sh/hook").split(",")).containsExactlyInAnyOrder("pre-install", "pre-upgrade");
            assertThat(annotations.get("helm.sh/hook-delete-policy")).contains("before-hook-creation");
            assertThat(annotations).containsKey("helm.sh/hook-weight");
            // Helm runs pre-install/pre-upgrade hooks, and waits for a hook Job to complete, before it
            // creates or changes anything of the release's manifest, where the Deployment is.
            assertThat(chart.hooks).contains(job).doesNotContain(chart.deployment());
            assertThat(chart.hooks).extracting(HasMetadata::getKind).containsOnly("Job", "NetworkPolicy");

            PodSpec pod = job.getSpec().getTemplate().getSpec();
            assertThat(pod.getRestartPolicy()).isEqualTo("Never");
            Container migrate = pod.getContainers().get(0);
            assertThat(migrate.getCommand()).containsExactly("java", "-jar", "/app/servicepoint.jar", "migrate");
            assertThat(variable(migrate, "SERVICEPOINT_DB_MIGRATION_USER").getValue()).isEqualTo("servicepoint_owner");
            assertThat(variable(migrate, "SERVICEPOINT_DB_MIGRATION_PASSWORD").getValueFrom().getSecretKeyRef().getName())
                    .isEqualTo("servicepoint-db-owner");
            assertThat(variable(migrate, "SERVICEPOINT_DB_URL").getValue()).startsWith("jdbc:postgresql://");
            // A pre-install hook runs before the release's ConfigMap and ServiceAccount exist.
            assertThat(migrate.getEnvFrom()).isNullOrEmpty();
            assertThat(pod.getServiceAccountName()).isNull();

            // Its network policy is a hook too, created just before it.
            NetworkPolicy policy = chart.all(NetworkPolicy.class).filter(chart.hooks::contains).findFirst().orElseThrow();
            assertThat(Integer.parseInt(policy.getMetadata().getAnnotations().get("helm.sh/hook-weight")))
                    .isLessThan(Integer.parseInt(annotations.get("helm.sh/hook-weight")));
            assertThat(policy.getSpec().getPodSelector().getMatchLabels())
                    .containsAllEntriesOf(job.getSpec().getTemplate().getMetadata().getLabels());
        });
    }

    @Test
    void theServersNeverMigrateAndNeverHoldTheOwnersCredentials() {
        both().forEach(chart -> {
            Container server = chart.deployment().getSpec().getTemplate().getSpec().getContainers().get(0);
            assertThat(variable(server, "SERVICEPOINT_DB_MIGRATE").getValue()).isEqualTo("false");
            assertThat(env(server)).extracting(EnvVar::getName)
                    .noneMatch(name -> name.startsWith("SERVICEPOINT_DB_MIGRATION_"));
            String ownerSecret = chart.migrationJob().getSpec().getTemplate().getSpec().getContainers().get(0).getEnv()
                    .stream().filter(e -> e.getName().equals("SERVICEPOINT_DB_MIGRATION_PASSWORD")).findFirst()
                    .orElseThrow().getValueFrom().getSecretKeyRef().getName();
            assertThat(chart.yaml.lines().filter(l -> l.contains(ownerSecret)).count())
                    .as("only the Job names the owner's Secret").isEqualTo(1);
            chart.all(ConfigMap.class).forEach(map -> assertThat(map.getData().keySet())
                    .noneMatch(name -> name.startsWith("SERVICEPOINT_DB_MIGRATION")).doesNotContain("SERVICEPOINT_DB_MIGRATE"));
        });
    }

    @Test
    void everyServerHasStartupReadinessAndLivenessProbesOnTheHealthEndpoints() {
        both().forEach(chart -> {
            Container server = chart.deployment().getSpec().getTemplate().getSpec().getContainers().get(0);
            assertThat(server.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/health/ready");
            assertThat(server.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/health/live");
            Probe startup = server.getStartupProbe();
            assertThat(startup.getHttpGet().getPath()).isEqualTo("/health/live");
            // Payara Micro may take 60-120 s to deploy on a busy node; liveness must not kill it meanwhile.
            int startBudget = startup.getInitialDelaySeconds() + startup.getPeriodSeconds() * startup.getFailureThreshold();
            assertThat(startBudget).isGreaterThanOrEqualTo(150);
            assertThat(server.getPorts()).singleElement().satisfies(p -> assertThat(p.getContainerPort()).isEqualTo(8080));
        });
    }

    @Test
    void everyPodRunsAsUser65532WithAReadOnlyRootNoPrivilegesAndRuntimeDefaultSeccomp() {
        both().forEach(chart -> chart.podSpecs().forEach(pod -> {
            PodSecurityContext podContext = pod.getSecurityContext();
            assertThat(podContext.getRunAsNonRoot()).isTrue();
            assertThat(podContext.getRunAsUser()).isEqualTo(65532L);
            assertThat(podContext.getRunAsGroup()).isEqualTo(65532L);
            assertThat(podContext.getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
            assertThat(pod.getAutomountServiceAccountToken()).isFalse();
            RenderedChart.containersOf(pod).forEach(container -> {
                SecurityContext context = container.getSecurityContext();
                assertThat(context.getRunAsNonRoot()).isTrue();
                assertThat(context.getReadOnlyRootFilesystem()).isTrue();
                assertThat(context.getAllowPrivilegeEscalation()).isFalse();
                assertThat(context.getPrivileged()).isFalse();
                assertThat(context.getCapabilities().getDrop()).containsExactly("ALL");
                assertThat(context.getCapabilities().getAdd()).isNullOrEmpty();
                assertThat(context.getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
                // With a read-only root, /tmp is the one writable place, and it is an emptyDir.
                assertThat(container.getVolumeMounts()).singleElement().satisfies(m -> {
                    assertThat(m.getMountPath()).isEqualTo("/tmp");
                    Volume volume = pod.getVolumes().stream().filter(v -> v.getName().equals(m.getName())).findFirst().orElseThrow();
                    assertThat(volume.getEmptyDir()).isNotNull();
                });
            });
        }));
    }

    @Test
    void theJvmHeapIsSizedFromTheContainersMemoryLimit() {
        both().forEach(chart -> chart.podSpecs().flatMap(RenderedChart::containersOf).forEach(container -> {
            Quantity limit = container.getResources().getLimits().get("memory");
            assertThat(limit).as("without a memory limit the heap would be sized from the node").isNotNull();
            // Requests equal to the limit: the scheduler reserves what the JVM will take.
            assertThat(container.getResources().getRequests().get("memory")).isEqualTo(limit);
            String options = variable(container, "JAVA_TOOL_OPTIONS").getValue();
            Matcher percentage = Pattern.compile("-XX:MaxRAMPercentage=(\\d+)").matcher(options);
            assertThat(percentage.find()).as(options).isTrue();
            assertThat(Integer.parseInt(percentage.group(1))).isBetween(40, 80);
            assertThat(options).doesNotContain("-Xmx").contains("-Djava.io.tmpdir=/tmp");
        }));
    }

    @Test
    void theServersRollWithSurgeAndSpreadAcrossNodes() {
        Deployment byDefault = defaults.deployment();
        assertThat(byDefault.getSpec().getStrategy().getType()).isEqualTo("RollingUpdate");
        assertThat(byDefault.getSpec().getStrategy().getRollingUpdate().getMaxUnavailable().getIntVal()).isZero();
        assertThat(byDefault.getSpec().getStrategy().getRollingUpdate().getMaxSurge().getIntVal()).isPositive();
        assertThat(byDefault.getSpec().getTemplate().getSpec().getAffinity().getPodAntiAffinity()
                .getPreferredDuringSchedulingIgnoredDuringExecution())
                .singleElement().satisfies(term -> {
                    assertThat(term.getPodAffinityTerm().getTopologyKey()).isEqualTo("kubernetes.io/hostname");
                    assertThat(term.getPodAffinityTerm().getLabelSelector().getMatchLabels())
                            .isEqualTo(byDefault.getSpec().getSelector().getMatchLabels());
                });

        Deployment ha = production.deployment();
        assertThat(ha.getSpec().getTemplate().getSpec().getAffinity().getPodAntiAffinity()
                .getRequiredDuringSchedulingIgnoredDuringExecution())
                .singleElement().satisfies(term -> {
                    assertThat(term.getTopologyKey()).isEqualTo("kubernetes.io/hostname");
                    assertThat(term.getLabelSelector().getMatchLabels()).isEqualTo(ha.getSpec().getSelector().getMatchLabels());
                });
        assertThat(ha.getSpec().getTemplate().getSpec().getTopologySpreadConstraints()).singleElement()
                .satisfies(c -> assertThat(c.getLabelSelector().getMatchLabels())
                        .isEqualTo(ha.getSpec().getSelector().getMatchLabels()));
    }

    @Test
    void aDisruptionBudgetKeepsServersUpWhileNodesAreDrained() {
        PodDisruptionBudget byDefault = defaults.one(PodDisruptionBudget.class);
        assertThat(byDefault.getSpec().getMinAvailable().getIntVal()).isEqualTo(1)
                .isLessThan(defaults.deployment().getSpec().getReplicas());
        assertThat(byDefault.getSpec().getSelector().getMatchLabels())
                .isEqualTo(defaults.deployment().getSpec().getSelector().getMatchLabels());

        PodDisruptionBudget ha = production.one(PodDisruptionBudget.class);
        assertThat(ha.getSpec().getMinAvailable().getIntVal()).isEqualTo(2)
                .isLessThan(production.one(HorizontalPodAutoscaler.class).getSpec().getMinReplicas());
    }

    @Test
    void onlyTheIngressControllerMayConnectAndTheServersReachOnlyTheirBackingServices() {
        both().forEach(chart -> {
            NetworkPolicy policy = serverPolicy(chart);
            assertThat(policy.getSpec().getPodSelector().getMatchLabels())
                    .isEqualTo(chart.deployment().getSpec().getSelector().getMatchLabels());
            assertThat(policy.getSpec().getPolicyTypes()).containsExactlyInAnyOrder("Ingress", "Egress");
            assertThat(policy.getSpec().getIngress()).singleElement().satisfies(rule -> {
                NetworkPolicyPeer controller = rule.getFrom().get(0);
                assertThat(controller.getNamespaceSelector().getMatchLabels()).containsKey("kubernetes.io/metadata.name");
                assertThat(controller.getPodSelector().getMatchLabels()).isNotEmpty();
                assertThat(rule.getPorts()).singleElement()
                        .satisfies(p -> assertThat(p.getPort().getStrVal()).isEqualTo("http"));
            });
            assertThat(policy.getSpec().getEgress()).flatExtracting(NetworkPolicyEgressRule::getPorts)
                    .extracting(p -> p.getPort().getIntVal()).contains(5432, 53, 587).allMatch(p -> p != null);
        });
        // In the production example every destination is narrowed to a namespace or pods as well.
        assertThat(serverPolicy(production).getSpec().getEgress())
                .allSatisfy(rule -> assertThat(rule.getTo()).isNotEmpty());
    }

    @Test
    void everySettingInTheConfigMapIsAVariableDocumentedInTheConfigurationGuide() throws IOException {
        Set<String> documented = documentedVariables();
        both().forEach(chart -> {
            ConfigMap config = chart.one(ConfigMap.class);
            assertThat(config.getData().keySet()).isSubsetOf(documented)
                    .contains("SERVICEPOINT_DB_URL", "SERVICEPOINT_DB_USER", "SERVICEPOINT_PUBLIC_URL",
                            "SERVICEPOINT_KEYCLOAK_URL", "SERVICEPOINT_KEYCLOAK_PUBLIC_URL");
            assertThat(config.getData()).containsEntry("SERVICEPOINT_KEYCLOAK_TEST_CLIENT", "false")
                    .containsEntry("SERVICEPOINT_DEMO_DATA", "false");
            // The servers read the ConfigMap whole.
            assertThat(chart.deployment().getSpec().getTemplate().getSpec().getContainers().get(0).getEnvFrom())
                    .singleElement().satisfies(from -> assertThat(from.getConfigMapRef().getName())
                            .isEqualTo(config.getMetadata().getName()));
        });
        assertThat(SECRET_VARIABLES).isSubsetOf(documented);
    }

    @Test
    void settingsLeftNullKeepTheApplicationsDefaultAndSetOnesReachTheConfigMap() {
        assertThat(defaults.one(ConfigMap.class).getData()).doesNotContainKey("SERVICEPOINT_MAIL_CLAIM_SECONDS");
        RenderedChart set = RenderedChart.render(List.of(), "config.mail.claimSeconds", "300");
        assertThat(set.one(ConfigMap.class).getData()).containsEntry("SERVICEPOINT_MAIL_CLAIM_SECONDS", "300");
        // A new ConfigMap rolls the servers, because they read settings only at start.
        assertThat(set.deployment().getSpec().getTemplate().getMetadata().getAnnotations().get("checksum/config"))
                .isNotEqualTo(defaults.deployment().getSpec().getTemplate().getMetadata().getAnnotations().get("checksum/config"));
    }

    @Test
    void everyValueIsDescribedInTheChartsReadme() throws IOException {
        String readme = Files.readString(RenderedChart.chart().resolve("README.md"));
        JsonNode values = new ObjectMapper(new YAMLFactory()).readTree(RenderedChart.chart().resolve("values.yaml").toFile());
        List<String> undescribed = new ArrayList<>();
        values.fields().forEachRemaining(e -> collectUndescribed(e.getKey(), e.getValue(), readme, undescribed));

        assertThat(undescribed).isEmpty();
    }

    /** A value is described when the README names it, or names a value around it, in backquotes. */
    static void collectUndescribed(String path, JsonNode value, String readme, List<String> undescribed) {
        if (readme.contains("`" + path + "`")) {
            return;
        }
        if (value.isObject() && !value.isEmpty()) {
            value.fields().forEachRemaining(e -> collectUndescribed(path + "." + e.getKey(), e.getValue(), readme, undescribed));
        } else {
            undescribed.add(path);
        }
    }

    /** Variable names in docs/configuration.md; "`…_VIEWS_PER_BRANCH`" there abbreviates the name before it. */
    static Set<String> documentedVariables() throws IOException {
        String guide = Files.readString(RenderedChart.repository().resolve("docs/configuration.md"));
        Matcher m = Pattern.compile("`(SERVICEPOINT_[A-Z0-9_]+|…(_[A-Z0-9_]+))`").matcher(guide);
        Set<String> names = new java.util.TreeSet<>();
        String previous = null;
        while (m.find()) {
            if (m.group(2) == null) {
                previous = m.group(1);
                names.add(previous);
            } else if (previous != null) {
                String firstWord = m.group(2).substring(0, m.group(2).indexOf('_', 1));
                int at = previous.lastIndexOf(firstWord);
                if (at > 0) {
                    names.add(previous.substring(0, at) + m.group(2));
                }
            }
        }
        return names;
    }

    static NetworkPolicy serverPolicy(RenderedChart chart) {
        return chart.all(NetworkPolicy.class).filter(p -> !chart.hooks.contains(p))
                .findFirst().orElseThrow();
    }

    static List<EnvVar> env(Container container) {
        return container.getEnv() == null ? List.of() : container.getEnv();
    }

    static EnvVar variable(Container container, String name) {
        return env(container).stream().filter(e -> e.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(container.getName() + " has no " + name));
    }
}
