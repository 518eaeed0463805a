package org.servicepoint.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * {@code java -jar servicepoint.jar [run | migrate | plan DIR | apply DIR | hash-key KEY | benchmark [options]]}.
 * run: starts the whole application locally; migrate: applies the schema migrations as the migration role
 * (the production step before the servers start); plan/apply: onboarding as code against a running server;
 * benchmark: a throw-away instance under load, compared with pgbench (docs/performance.md).
 */
public final class ServicePoint {

    private ServicePoint() {
    }

    public static void main(String[] args) throws Exception {
        String command = args.length == 0 ? "run" : args[0];
        String[] rest = Arrays.copyOfRange(args, Math.min(1, args.length), args.length);
        int exit = switch (command) {
            case "run" -> new LocalRun(Settings.fromEnvironment()).run();
            case "migrate" -> Migrate.run(System.getenv(), war(), System.out, System.err);
            case "plan", "apply" -> new TenantFilesClient(Settings.fromEnvironment()).send(command, rest);
            case "benchmark" -> new Benchmark(rest, System.getenv()).run();
            case "hash-key" -> {
                if (rest.length != 1) {
                    System.err.println("usage: hash-key KEY   (prints the SHA-256 to configure as servicepoint.operator.key-sha256)");
                    yield 64;
                }
                if (rest[0].length() < OperatorKeys.MIN_LENGTH) {
                    System.err.println("an operator key has at least " + OperatorKeys.MIN_LENGTH + " characters; the server refuses shorter ones");
                    yield 64;
                }
                System.out.println(OperatorKeys.sha256Hex(rest[0]));
                yield 0;
            }
            default -> {
                System.err.println("usage: servicepoint [run | migrate | plan DIR | apply DIR | hash-key KEY | benchmark [--help]]");
                yield 64;
            }
        };
        System.exit(exit);
    }

    /** The WAR migrate reads: beside the jar in the image (/app), else in server/ where the build copied it. */
    static Path war() {
        Path beside = home().resolve("servicepoint.war");
        return Files.isRegularFile(beside) ? beside : home().resolve("server").resolve("servicepoint.war");
    }

    /** Where the launcher jar lies: the server and WAR were copied beside it by the build. */
    static Path home() {
        try {
            return Path.of(ServicePoint.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getParent();
        } catch (Exception e) {
            return Path.of(".");
        }
    }
}
