package org.servicepoint.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Path;
import java.util.function.BiPredicate;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The bounded contexts stay apart: a context may use the platform, and another context only through its
 * published control API, never through its entities or its HTTP edge. Layers point inwards.
 */
class BoundariesTest {

    static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                // the platform's test helpers arrive as a test-jar
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages("org.servicepoint");
    }

    @Test
    void no_context_reaches_into_another_contexts_entities_or_boundary() {
        ArchCondition<JavaClass> onlyOwnEntities = new ArchCondition<>("use no other context's entity or boundary") {
            @Override
            public void check(JavaClass item, ConditionEvents events) {
                String own = context(item.getPackageName());
                item.getDirectDependenciesFromSelf().forEach(dependency -> {
                    String target = dependency.getTargetClass().getPackageName();
                    String other = context(target);
                    if (other != null && !other.equals(own) && !other.equals("platform") && !other.equals("app")
                            && (target.endsWith(".entity") || target.endsWith(".boundary"))) {
                        events.add(SimpleConditionEvent.violated(item, dependency.getDescription()));
                    }
                });
            }
        };
        classes().that().resideInAPackage("org.servicepoint..").should(onlyOwnEntities).check(classes);
    }

    @Test
    void the_platform_depends_on_no_context() {
        noClasses().that().resideInAPackage("org.servicepoint.platform..")
                .should().dependOnClassesThat().resideOutsideOfPackages("org.servicepoint.platform..", "java..", "jakarta..",
                        "javax..", "org.eclipse..", "org.flywaydb..", "org.postgresql..", "org.apache.pdfbox..", "com.ibm.icu..",
                        "com.fasterxml.jackson..", "com.networknt..")
                .check(classes);
    }

    @Test
    void entities_do_not_depend_on_controls_or_boundaries() {
        noClasses().that().resideInAPackage("..entity..")
                .should().dependOnClassesThat().resideInAnyPackage("..control..", "..boundary..")
                .check(classes);
    }

    @Test
    void controls_do_not_depend_on_boundaries() {
        noClasses().that().resideInAPackage("..control..")
                .should().dependOnClassesThat().resideInAPackage("..boundary..")
                .check(classes);
    }

    /** Inside incidents, components stand on each other in one direction (modules/incidents/README.md). */
    static final java.util.List<String> INCIDENTS_COMPONENTS = java.util.List.of("forms", "reports", "delivery");
    static final java.util.List<String> LAYERS = java.util.List.of("entity", "control", "boundary");

    @Test
    void incidents_components_depend_only_on_the_ones_below_them() {
        ArchCondition<JavaClass> downwards = dependingOnly("depend only on its own or a lower incidents component",
                own -> INCIDENTS_COMPONENTS.contains(component(own)) ? null : " is in no incidents component",
                (own, target) -> target.startsWith("org.servicepoint.incidents")
                        && INCIDENTS_COMPONENTS.indexOf(component(target)) > INCIDENTS_COMPONENTS.indexOf(component(own)));
        classes().that().resideInAPackage("org.servicepoint.incidents..").should(downwards).check(classes);
    }

    /**
     * In each incidents component, boundary → control → entity, as in every context; a component may use a lower one's
     * controls and entities (delivery marks a report distributed), never its HTTP edge.
     */
    @Test
    void incidents_layers_point_inwards_in_every_component() {
        ArchCondition<JavaClass> inwards = dependingOnly("depend on no outer layer and on no other component's boundary",
                own -> LAYERS.contains(layer(own)) ? null : " is in no boundary, control or entity",
                (own, target) -> target.startsWith("org.servicepoint.incidents.")
                        && (LAYERS.indexOf(layer(target)) > LAYERS.indexOf(layer(own))
                            || !component(own).equals(component(target)) && "boundary".equals(layer(target))));
        classes().that().resideInAPackage("org.servicepoint.incidents..").should(inwards).check(classes);
    }

    /**
     * Each class's direct dependencies, judged by package: a class whose package {@code misplaced} gives a reason for
     * is refused whole (the reason follows its name); otherwise each dependency into a package {@code forbidden} from
     * the class's own package is refused.
     */
    static ArchCondition<JavaClass> dependingOnly(String description, UnaryOperator<String> misplaced,
                                                  BiPredicate<String, String> forbidden) {
        return new ArchCondition<>(description) {
            @Override
            public void check(JavaClass item, ConditionEvents events) {
                String reason = misplaced.apply(item.getPackageName());
                if (reason != null) {
                    events.add(SimpleConditionEvent.violated(item, item.getName() + reason));
                    return;
                }
                item.getDirectDependenciesFromSelf().forEach(dependency -> {
                    if (forbidden.test(item.getPackageName(), dependency.getTargetClass().getPackageName())) {
                        events.add(SimpleConditionEvent.violated(item, dependency.getDescription()));
                    }
                });
            }
        };
    }

    /** "org.servicepoint.incidents.reports.control" → "reports". */
    static String component(String packageName) {
        String[] parts = packageName.split("\\.");
        return parts.length > 3 ? parts[3] : "";
    }

    /** "org.servicepoint.incidents.reports.control" → "control". */
    static String layer(String packageName) {
        String[] parts = packageName.split("\\.");
        return parts.length > 4 ? parts[4] : "";
    }

    @Test
    void every_resource_method_declares_who_may_call_it() {
        ArchCondition<JavaClass> declared = new ArchCondition<>("declare @RolesAllowed or @PermitAll on the class or on every resource method") {
            @Override
            public void check(JavaClass resource, ConditionEvents events) {
                boolean onClass = resource.isAnnotatedWith(RolesAllowed.class) || resource.isAnnotatedWith(PermitAll.class);
                resource.getMethods().stream()
                        .filter(m -> m.getAnnotations().stream().anyMatch(a -> a.getRawType().isAnnotatedWith(jakarta.ws.rs.HttpMethod.class)))
                        .filter(m -> !onClass && !m.isAnnotatedWith(RolesAllowed.class) && !m.isAnnotatedWith(PermitAll.class))
                        .forEach(m -> events.add(SimpleConditionEvent.violated(m, m.getFullName() + " declares no roles")));
            }
        };
        classes().that().areAnnotatedWith(Path.class).should(declared).check(classes);
    }

    @Test
    void contexts_depend_only_on_what_the_picture_in_architecture_md_allows() throws java.io.IOException {
        java.util.Map<String, java.util.Set<String>> allowed = allowedByThePicture();
        java.util.Set<String> broken = new java.util.TreeSet<>();
        for (JavaClass item : classes) {
            String own = context(item.getPackageName());
            if (own == null) {
                continue;
            }
            if (!allowed.containsKey(own)) {
                broken.add(own + " is not in the picture");
                continue;
            }
            item.getDirectDependenciesFromSelf().forEach(dependency -> {
                String other = context(dependency.getTargetClass().getPackageName());
                if (other != null && !other.equals(own) && !allowed.get(own).contains(other)) {
                    broken.add(own + " -> " + other + ": " + dependency.getDescription());
                }
            });
        }
        org.assertj.core.api.Assertions.assertThat(broken).as("dependencies the picture does not allow").isEmpty();
    }

    /**
     * The first mermaid block of docs/architecture.md, one arrow a line ({@code a --> b}): each context may use what
     * it reaches by following the arrows. A context without arrows stands on a line of its own.
     */
    static java.util.Map<String, java.util.Set<String>> allowedByThePicture() throws java.io.IOException {
        java.nio.file.Path dir = java.nio.file.Path.of("").toAbsolutePath();
        while (!java.nio.file.Files.exists(dir.resolve("docs/architecture.md"))) {
            dir = java.util.Objects.requireNonNull(dir.getParent(), "docs/architecture.md not found above the module");
        }
        String text = java.nio.file.Files.readString(dir.resolve("docs/architecture.md"));
        int start = text.indexOf("```mermaid");
        String block = text.substring(start, text.indexOf("```", start + 3));
        java.util.Map<String, java.util.Set<String>> arrows = new java.util.TreeMap<>();
        for (String line : block.lines().skip(2).map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("%%")).toList()) {
            String[] ends = line.split("\\s*-->\\s*");
            arrows.computeIfAbsent(ends[0], k -> new java.util.TreeSet<>());
            if (ends.length == 2) {
                arrows.get(ends[0]).add(ends[1]);
                arrows.computeIfAbsent(ends[1], k -> new java.util.TreeSet<>());
            }
        }
        java.util.Map<String, java.util.Set<String>> reach = new java.util.TreeMap<>();
        for (String from : arrows.keySet()) {
            java.util.Set<String> seen = new java.util.TreeSet<>();
            java.util.Deque<String> next = new java.util.ArrayDeque<>(arrows.get(from));
            while (!next.isEmpty()) {
                String to = next.pop();
                if (seen.add(to)) {
                    next.addAll(arrows.get(to));
                }
            }
            reach.put(from, seen);
        }
        org.assertj.core.api.Assertions.assertThat(reach).as("contexts in the picture").containsKeys("platform", "tenancy", "incidents");
        return reach;
    }

    /** "org.servicepoint.tenancy.control" → "tenancy". */
    static String context(String packageName) {
        if (!packageName.startsWith("org.servicepoint.")) {
            return null;
        }
        String rest = packageName.substring("org.servicepoint.".length());
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }
}
