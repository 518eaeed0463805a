package org.servicepoint.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PostgreSQL's own load tool as the yardstick: single-row INSERTs into a throw-away table, on the same server and
 * database the application writes to, so the ratio says what the application makes of what the database can do.
 */
final class PgBench {

    /** The throw-away table; no row-level security, no index but the key: the cheapest durable insert there is. */
    static final String TABLE_DDL = "create table if not exists bench_insert (id bigserial primary key, tenant_id text not null, "
            + "payload text not null, created_at timestamptz not null default now())";

    /** One transaction = one INSERT of one row, for a tenant picked at random. */
    static String script(int tenants) {
        return "\\set t random(1, " + Math.max(1, tenants) + ")\n"
                + "INSERT INTO bench_insert (tenant_id, payload) VALUES ('bench-' || :t, "
                + "'an incident report stand-in: about as long as the answers of a short report, written in one row');\n";
    }

    record Result(double tps, long transactions, long failed, double latencyMs, String output) {
    }

    private static final Pattern TPS_WITHOUT = Pattern.compile("(?m)^tps = ([0-9.]+) \\((?:without initial connection time|excluding connections establishing)\\)");
    private static final Pattern TPS_ANY = Pattern.compile("(?m)^tps = ([0-9.]+)");
    private static final Pattern PROCESSED = Pattern.compile("(?m)^number of transactions actually processed: (\\d+)");
    private static final Pattern FAILED = Pattern.compile("(?m)^number of failed transactions: (\\d+)");
    private static final Pattern LATENCY = Pattern.compile("(?m)^latency average = ([0-9.]+) ms");

    /**
     * Reads pgbench's summary. The tps without connection time is preferred (the application's pool is connected
     * too); older pgbench versions say "excluding connections establishing".
     */
    static Result parse(String output) {
        Matcher tps = TPS_WITHOUT.matcher(output);
        if (!tps.find()) {
            tps = TPS_ANY.matcher(output);
            if (!tps.find()) {
                throw new IllegalArgumentException("pgbench printed no tps line:\n" + output);
            }
        }
        return new Result(Double.parseDouble(tps.group(1)), longOf(PROCESSED, output), longOf(FAILED, output),
                doubleOf(LATENCY, output), output);
    }

    /** pgbench -n -c C -j C -T S -f script against the server; throws with pgbench's own words when it fails. */
    static Result run(String pgbench, String host, int port, String user, String database, Path script, int clients, int seconds)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(pgbench, "-n", "-c", String.valueOf(clients), "-j", String.valueOf(clients),
                "-T", String.valueOf(seconds), "-f", script.toString(), "-h", host, "-p", String.valueOf(port), "-U", user, database));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = process.waitFor();
        if (exit != 0) {
            throw new IOException("pgbench exited with " + exit + ":\n" + output);
        }
        return parse(output);
    }

    static Path writeScript(Path dir, int tenants) throws IOException {
        Path file = dir.resolve("bench-insert.sql");
        Files.writeString(file, script(tenants), StandardCharsets.UTF_8);
        return file;
    }

    private static long longOf(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    private static double doubleOf(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
    }
}
