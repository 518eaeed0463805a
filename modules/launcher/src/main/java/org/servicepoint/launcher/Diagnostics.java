package org.servicepoint.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * {@code --diagnose}: where the time goes at the highest concurrency. Samples what the application's database
 * sessions are doing (pg_stat_activity, every 100 ms), takes thread dumps of Payara Micro (jcmd) and counts the
 * request threads' top frames, records a CPU profile with Java Flight Recorder, and lists the statements with the most
 * database time (pg_stat_statements).
 */
final class Diagnostics {

    private static final int DUMPS = 8;

    private final DataSource admin;
    private final long appPid;
    private final Path dumpFile;
    private final Path profile;
    private String profileProblem;
    private final Map<String, Integer> activity = new TreeMap<>();
    private final Map<String, Integer> topFrames = new TreeMap<>();
    private final Map<String, Integer> ownFrames = new TreeMap<>();
    private int samples;
    private int dumps;
    private volatile boolean watching;
    private Thread sampler;
    private Thread dumper;

    Diagnostics(DataSource admin, long appPid, Path out) {
        this.admin = admin;
        this.appPid = appPid;
        String name = out.getFileName().toString().replaceFirst("\\.md$", "");
        this.dumpFile = out.resolveSibling(name + "-threads.txt");
        this.profile = out.resolveSibling(name + "-profile.jfr");
    }

    /** Deep enough for Payara's request stacks (JFR keeps 64 frames by default, which cuts off where a request starts). */
    static final String JVM_OPTION = "-XX:FlightRecorderOptions:stackdepth=512";

    void resetStatements() throws Exception {
        try (Connection c = admin.getConnection(); Statement s = c.createStatement()) {
            s.execute("select pg_stat_statements_reset()");
        }
    }

    void watch(Duration phase) {
        watching = true;
        // A CPU profile of the same phase, for JDK Mission Control or `jfr print --events jdk.ExecutionSample`.
        try {
            new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), String.valueOf(appPid), "JFR.start",
                    "name=benchmark", "settings=profile", "duration=" + phase.toSeconds() + "s", "filename=" + profile)
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
        } catch (IOException | InterruptedException e) {
            profileProblem = e.getMessage();
        }
        sampler = new Thread(this::sampleActivity, "diagnose-activity");
        sampler.setDaemon(true);
        sampler.start();
        dumper = new Thread(() -> dumpThreads(phase), "diagnose-dumps");
        dumper.setDaemon(true);
        dumper.start();
    }

    void stopWatching() throws InterruptedException {
        watching = false;
        sampler.join();
        dumper.join();
    }

    private void sampleActivity() {
        try (Connection c = admin.getConnection(); Statement s = c.createStatement()) {
            while (watching) {
                try (ResultSet rs = s.executeQuery("select coalesce(state, '?') || ' / ' || coalesce(wait_event_type, '-') || ':' "
                        + "|| coalesce(wait_event, '-') from pg_stat_activity where usename = '" + LocalRun.APP + "'")) {
                    while (rs.next()) {
                        activity.merge(rs.getString(1), 1, Integer::sum);
                    }
                }
                samples++;
                Thread.sleep(100);
            }
        } catch (Exception e) {
            activity.merge("(sampling failed: " + e.getMessage() + ")", 1, Integer::sum);
        }
    }

    private void dumpThreads(Duration phase) {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        long gap = phase.toMillis() / (DUMPS + 1);
        try {
            Files.createDirectories(dumpFile.getParent());
            Files.writeString(dumpFile, "");
            for (int i = 0; i < DUMPS && watching; i++) {
                Thread.sleep(gap);
                Process p = new ProcessBuilder(jcmd.toString(), String.valueOf(appPid), "Thread.print").redirectErrorStream(true).start();
                String dump = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                p.waitFor();
                Files.writeString(dumpFile, dump + "\n\n", java.nio.file.StandardOpenOption.APPEND);
                count(dump);
                dumps++;
            }
        } catch (IOException | InterruptedException e) {
            topFrames.merge("(thread dump failed: " + e.getMessage() + ")", 1, Integer::sum);
        }
    }

    /** Per request thread: its top frame, and the first frame of ServicePoint's own code below it. */
    void count(String dump) {
        for (String block : dump.split("\n\n")) {
            if (!block.startsWith("\"http-thread-pool")) {
                continue;
            }
            String top = null;
            String own = null;
            for (String line : block.split("\n")) {
                String t = line.strip();
                if (!t.startsWith("at ")) {
                    continue;
                }
                String frame = t.substring(3).replaceAll("\\(.*\\)$", "");
                if (top == null) {
                    top = frame;
                }
                if (own == null && frame.startsWith("org.servicepoint.")) {
                    own = frame;
                }
            }
            if (top == null || own == null) {
                // Idle in the pool (no application frame): not part of a request.
                continue;
            }
            topFrames.merge(top, 1, Integer::sum);
            ownFrames.merge(own, 1, Integer::sum);
        }
    }

    private String statements() {
        StringBuilder out = new StringBuilder("| calls | total ms | mean ms | rows | statement |\n| ---: | ---: | ---: | ---: | --- |\n");
        try (Connection c = admin.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select calls, total_exec_time, mean_exec_time, rows, regexp_replace(query, '\\s+', ' ', 'g') "
                     + "from pg_stat_statements where query not like '%pg_stat%' order by total_exec_time desc limit 20")) {
            while (rs.next()) {
                String q = rs.getString(5);
                q = q.length() > 160 ? q.substring(0, 160) + "..." : q;
                out.append(String.format(Locale.ROOT, "| %d | %.0f | %.3f | %d | `%s` |%n", rs.getLong(1), rs.getDouble(2), rs.getDouble(3),
                        rs.getLong(4), q.replace("|", "\\|").replace("`", "'")));
            }
        } catch (Exception e) {
            out.append("(pg_stat_statements unreadable: ").append(e.getMessage()).append(")\n");
        }
        return out.toString();
    }

    /** Markdown: database session states, request threads' frames, top statements. */
    String summary() {
        StringBuilder out = new StringBuilder();
        out.append("### Database sessions of ").append(LocalRun.APP).append(" at the highest concurrency (")
                .append(samples).append(" samples, 100 ms apart)\n\n| state / wait | mean sessions |\n| --- | ---: |\n");
        sorted(activity).forEach((k, v) -> out.append(String.format(Locale.ROOT, "| %s | %.1f |%n", k, samples == 0 ? 0 : v / (double) samples)));
        out.append("\n### Request threads in Payara Micro (").append(dumps).append(" thread dumps, in ")
                .append(dumpFile.getFileName()).append(")\n\nTop frame:\n\n| threads | frame |\n| ---: | --- |\n");
        sorted(topFrames).entrySet().stream().limit(15).forEach(e -> out.append("| ").append(e.getValue()).append(" | `")
                .append(e.getKey()).append("` |\n"));
        out.append("\nFirst ServicePoint frame:\n\n| threads | frame |\n| ---: | --- |\n");
        sorted(ownFrames).entrySet().stream().limit(15).forEach(e -> out.append("| ").append(e.getValue()).append(" | `")
                .append(e.getKey()).append("` |\n"));
        out.append("\nCPU profile of the application at that level: ").append(profileProblem == null ? "`" + profile.getFileName()
                + "` (`jfr print --stack-depth 200 --events jdk.ExecutionSample` or JDK Mission Control)" : "not taken: " + profileProblem)
                .append("\n");
        out.append("\n### Statements by database time (pg_stat_statements, all measured levels)\n\n").append(statements());
        return out.toString();
    }

    private static Map<String, Integer> sorted(Map<String, Integer> counts) {
        List<Map.Entry<String, Integer>> entries = new ArrayList<>(counts.entrySet());
        entries.sort(Map.Entry.<String, Integer>comparingByValue().reversed());
        return entries.stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
    }
}
