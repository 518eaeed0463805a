package org.servicepoint.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The demo usernames of each tenant file, for the start-up banner (the server validates the files). */
final class DemoLogins {

    private static final Pattern USERNAME = Pattern.compile("(?m)^\\s*(?:-\\s*)?username:\\s*([a-z][a-z0-9._-]*)\\s*$");

    private DemoLogins() {
    }

    static Map<String, List<String>> read(Path tenantsDir) {
        Map<String, List<String>> logins = new TreeMap<>();
        if (!Files.isDirectory(tenantsDir)) {
            return logins;
        }
        try (Stream<Path> dirs = Files.list(tenantsDir)) {
            for (Path dir : dirs.sorted().toList()) {
                Path file = dir.resolve("tenant.yaml");
                if (Files.isRegularFile(file)) {
                    List<String> users = new ArrayList<>();
                    Matcher m = USERNAME.matcher(Files.readString(file));
                    while (m.find()) {
                        users.add(m.group(1));
                    }
                    logins.put(dir.getFileName().toString(), users);
                }
            }
        } catch (IOException e) {
            // only the banner is poorer for it
        }
        return logins;
    }
}
