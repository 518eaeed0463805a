package org.servicepoint.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.enterprise.inject.spi.CDI;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.servicepoint.bans.control.BanFilter;
import org.servicepoint.bans.control.BanView;
import org.servicepoint.bans.control.ComputerUseBans;
import org.servicepoint.demo.control.DemoApplier;
import org.servicepoint.demo.control.DemoData;
import org.servicepoint.incidents.reports.control.IncidentReports;
import org.servicepoint.incidents.reports.control.ReportFilter;
import org.servicepoint.incidents.reports.control.ReportSummary;
import org.servicepoint.platform.control.Caller;
import org.servicepoint.platform.control.Roles;
import org.servicepoint.platform.entity.TenantId;
import org.servicepoint.policies.exceptions.control.ConsistencyReport;
import org.servicepoint.policies.exceptions.control.PolicyExceptions;
import org.servicepoint.staffing.control.Coverage;
import org.servicepoint.staffing.control.Escalations;
import org.servicepoint.staffing.control.Roster;
import org.servicepoint.tenancy.control.BranchSpec;
import org.servicepoint.tenancy.control.TenantDirectory;
import org.servicepoint.tenancy.control.TenantSpec;

/**
 * The run command's demo: the WAR started with {@code servicepoint.demo.data=true} on a copy of {@code tenants/} in
 * which hollis-college has no demo folder yet, so its demo data can be applied here, once broken and once whole.
 * Everything is read back through the controls as the library systems' own demo users would see it.
 */
@ExtendWith(ArquillianExtension.class)
@Order(0)
class DemoDataIT {

    /** A bean of the running application (in the container). */
    static <T> T bean(Class<T> type) {
        return CDI.current().select(type).get();
    }

    @Deployment
    static WebArchive deployment() {
        // The same deployment as ServicePointIT (one database per start), with the demo switched on.
        Path copy;
        try {
            copy = Files.createTempDirectory("demo-tenants");
            Path source = Path.of(ServicePointDeployment.tenantsDir());
            try (Stream<Path> files = Files.walk(source)) {
                for (Path file : files.toList()) {
                    Path target = copy.resolve(source.relativize(file).toString());
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(target);
                    } else if (!file.startsWith(source.resolve("hollis-college").resolve("demo"))) {
                        Files.copy(file, target);
                    }
                }
            }
            Files.deleteIfExists(copy.resolve("hollis-college").resolve("demo"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        WebArchive war = ServicePointDeployment.deployment();
        String config;
        String name = "WEB-INF/classes/META-INF/microprofile-config.properties";
        try (var in = war.get(name).getAsset().openStream()) {
            config = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        war.delete(name);
        return war.addClass(DemoDataIT.class).addAsResource(new StringAsset(config + "\nservicepoint.demo.data=true\n"
                + "servicepoint.tenants.dir=" + copy + "\n"), "META-INF/microprofile-config.properties");
    }

    static Caller headquarters(String slug, String username, String position, String branch) {
        return Caller.staff(username, TenantId.of(slug), Set.of(Roles.STAFF, Roles.PERSON_IN_CHARGE, Roles.HEADQUARTERS,
                Roles.TENANT_ADMIN, Roles.POSITION_PREFIX + position), Map.of("branch", branch, "position", position));
    }

    static final Map<String, Caller> DIRECTORS = Map.of(
            "riverbend", headquarters("riverbend", "dee", "executive-director", "HQ"),
            "lakeview-law", headquarters("lakeview-law", "morgan", "director", "LAW"),
            "hollis-college", headquarters("hollis-college", "priya", "library-director", "MAIN"));

    /** Report statuses and how many of each, as headquarters sees them. */
    Map<String, Long> reportStates(String slug) {
        return bean(IncidentReports.class).list(TenantId.of(slug), DIRECTORS.get(slug), ReportFilter.everything()).stream()
                .collect(Collectors.groupingBy(ReportSummary::status, TreeMap::new, Collectors.counting()));
    }

    Map<String, Long> banStates(String slug) {
        BanFilter all = new BanFilter(null, null, null, BanFilter.MAX_LIMIT);
        return bean(ComputerUseBans.class).list(TenantId.of(slug), DIRECTORS.get(slug), all).stream()
                .collect(Collectors.groupingBy(BanView::status, TreeMap::new, Collectors.counting()));
    }

    int rosterSize(String slug) {
        return bean(Roster.class).list(TenantId.of(slug), DIRECTORS.get(slug), null, true).size();
    }

    int gapsThisWeek(String slug) {
        return bean(Coverage.class).issues(TenantId.of(slug), DIRECTORS.get(slug), null, null, 7).size();
    }

    /** Every branch open at this moment has someone on duty who may be in charge. */
    void someoneInChargeWhereverOpen(String slug) {
        TenantSpec spec = bean(TenantDirectory.class).document(TenantId.of(slug));
        ZonedDateTime now = ZonedDateTime.now(ZoneId.of(spec.timeZone()));
        for (BranchSpec branch : spec.branches()) {
            if (!openNow(branch, now)) {
                continue;
            }
            var inCharge = bean(Escalations.class).inCharge(TenantId.of(slug), DIRECTORS.get(slug), branch.code());
            assertNotNull(inCharge.person(), slug + "/" + branch.code() + " is open at " + now + " but: " + inCharge);
        }
    }

    static boolean openNow(BranchSpec branch, ZonedDateTime now) {
        LocalDate today = now.toLocalDate();
        boolean closureToday = branch.closures() != null && branch.closures().stream().anyMatch(c -> today.toString().equals(c.date()));
        if (closureToday || branch.openingHours() == null) {
            return false; // shortened days are left out: the demo's weekly shifts do not follow them
        }
        LocalTime time = now.toLocalTime();
        for (String period : branch.openingHours().byDay().getOrDefault(now.getDayOfWeek(), List.of())) {
            String[] ends = period.split("-");
            LocalTime from = LocalTime.parse(ends[0]);
            boolean untilMidnight = "24:00".equals(ends[1]);
            // A minute's margin at each end: the clock moves between this check and the control's.
            if (time.isAfter(from.plusMinutes(1)) && (untilMidnight ? time.isBefore(LocalTime.of(23, 58))
                    : time.isBefore(LocalTime.parse(ends[1]).minusMinutes(1)))) {
                return true;
            }
        }
        return false;
    }

    @Test
    void the_run_commands_demo_shows_a_staffed_week_someone_in_charge_and_reports_in_every_state() {
        for (String slug : List.of("riverbend", "lakeview-law")) {
            assertTrue(rosterSize(slug) >= 9, slug + " roster: " + rosterSize(slug));
            someoneInChargeWhereverOpen(slug);
            int gaps = gapsThisWeek(slug);
            assertTrue(gaps >= 1 && gaps <= 30, slug + ": a few real gaps this week, not none and not hundreds: " + gaps);
            assertFalse(bean(Escalations.class).list(TenantId.of(slug), DIRECTORS.get(slug), null).isEmpty(), slug + " escalations");
            Map<String, Long> banStates = banStates(slug);
            assertTrue(banStates.containsKey("active") && banStates.containsKey("lifted"), slug + " bans: " + banStates);
        }
        Map<String, Long> riverbend = reportStates("riverbend");
        assertEquals(7, riverbend.values().stream().mapToLong(Long::longValue).sum(), riverbend.toString());
        for (String state : List.of("draft", "countersigned", "acknowledged", "closed")) {
            assertTrue(riverbend.containsKey(state), "riverbend has a report " + state + ": " + riverbend);
        }
        // Signed reports waiting for headquarters: submitted until their mail is out, distributed after.
        assertTrue(riverbend.getOrDefault("submitted", 0L) + riverbend.getOrDefault("distributed", 0L) >= 2, riverbend.toString());
        Map<String, Long> lakeview = reportStates("lakeview-law");
        assertTrue(lakeview.keySet().containsAll(Set.of("draft", "acknowledged", "closed")), lakeview.toString());
        // The consistency report has a story: Pine Hollow and Rosa far above the median, overdue fines up for review.
        ConsistencyReport consistency = bean(PolicyExceptions.class).consistency(TenantId.of("riverbend"), DIRECTORS.get("riverbend"),
                null, null);
        assertTrue(consistency.branches().stream().anyMatch(b -> "PINE-HOLLOW".equals(b.code()) && "high".equals(b.flag())),
                consistency.toString());
        assertTrue(consistency.staff().stream().anyMatch(s -> "Rosa".equals(s.tagName()) && "high".equals(s.flag())),
                consistency.toString());
        assertTrue(consistency.policies().stream().anyMatch(p -> "overdue-fines".equals(p.key()) && p.candidateForChange()),
                consistency.toString());
    }

    @Test
    void headquarters_sees_the_demo_users_training_in_the_completion_view() {
        var completion = bean(org.servicepoint.standards.control.Training.class).completion(TenantId.of("riverbend"),
                DIRECTORS.get("riverbend"), null);
        Map<String, Integer> done = new java.util.HashMap<>();
        completion.staff().forEach(p -> done.merge(p.tagName(), p.done(), Integer::sum));
        assertEquals(5, completion.scenarios(), completion.toString());
        assertEquals(3, done.get("Sam"), completion.toString());
        assertEquals(1, done.get("Rosa"), completion.toString());
        assertEquals(0, done.get("Kit"), completion.toString());
    }

    @Test
    void riverbends_bookmobile_shows_a_covered_stop_and_a_gap_named_by_its_stop() {
        // Three weeks, so a holiday on one Thursday cannot hide the afternoon stop's gap.
        var issues = bean(Coverage.class).issues(TenantId.of("riverbend"), DIRECTORS.get("riverbend"), "HQ", null, 21).stream()
                .filter(i -> "bookmobile".equals(i.servicePoint())).toList();
        assertFalse(issues.isEmpty(), "the bookmobile's Thursday afternoon stop is never staffed");
        assertTrue(issues.stream().allMatch(i -> "Tallow Creek General Store".equals(i.stop()) && "GAP".equals(i.kind())
                && "13:00".equals(i.from()) && "15:00".equals(i.to())), issues.toString());
        assertTrue(issues.get(0).message().contains("County Bookmobile at Tallow Creek General Store"), issues.toString());
        var week = bean(Coverage.class).week(TenantId.of("riverbend"), DIRECTORS.get("riverbend"), "HQ", null);
        var bookmobile = week.desks().stream().filter(d -> "bookmobile".equals(d.servicePoint())).findFirst().orElseThrow();
        assertTrue(bookmobile.mobile(), bookmobile.toString());
        assertTrue(bookmobile.days().stream().flatMap(d -> d.stops().stream()).anyMatch(s -> "Cedar Bend Community Center".equals(s.name()))
                || bookmobile.days().stream().anyMatch(d -> d.closure() != null), bookmobile.toString());
    }

    @Test
    void riverbends_desk_has_call_backs_waiting_one_overdue_and_one_done() {
        var callBacks = bean(org.servicepoint.patronrequests.callbacks.control.CallBacks.class);
        var open = callBacks.queue(TenantId.of("riverbend"), DIRECTORS.get("riverbend"), "PINE-HOLLOW", false);
        assertEquals(3, open.size(), open.toString());
        assertEquals(1, open.stream().filter(c -> c.overdue()).count(), open.toString());
        assertTrue(open.stream().allMatch(c -> c.reference().matches("B-\\d{4}-\\d{4}") && c.hasContact()), open.toString());
        var done = callBacks.queue(TenantId.of("riverbend"), DIRECTORS.get("riverbend"), "PINE-HOLLOW", true);
        assertEquals(1, done.size(), done.toString());
    }

    @Test
    void a_broken_demo_folder_applies_nothing_and_the_whole_one_applies_once() throws IOException {
        Path repository = Path.of(ServicePointDeployment.tenantsDir()).resolve("hollis-college");
        Path broken = Files.createTempDirectory("demo-broken").resolve("hollis-college");
        Files.createDirectories(broken.resolve("demo"));
        Files.copy(repository.resolve("tenant.yaml"), broken.resolve("tenant.yaml"));
        try (Stream<Path> files = Files.list(repository.resolve("demo"))) {
            for (Path file : files.toList()) {
                Files.copy(file, broken.resolve("demo").resolve(file.getFileName()));
            }
        }
        Path shifts = broken.resolve("demo").resolve("shifts.yaml");
        int line = Files.readAllLines(shifts).size() + 1;
        // Well-formed, but the library has no such desk: only the shifts' own rules can tell, after the roster is written.
        Files.writeString(shifts, "  - { who: Jo, branch: MAIN, desk: astronomy, days: [saturday], hours: \"10:00-12:00\" }\n",
                java.nio.file.StandardOpenOption.APPEND);
        int gapsBefore = gapsThisWeek("hollis-college");

        DemoApplier.Outcome refused = bean(DemoData.class).applyAll(broken.getParent()).get(0);
        assertFalse(refused.applied(), refused.toString());
        assertTrue(refused.note().contains("tenants/hollis-college/demo/shifts.yaml:" + line) && refused.note().contains("servicePoint"),
                refused.note());
        assertEquals(0, rosterSize("hollis-college"), "the roster written before the refused shift was undone");
        assertTrue(reportStates("hollis-college").isEmpty());

        Path whole = Path.of(ConfigProvider.getConfig().getValue("servicepoint.tenants.dir", String.class));
        Path target = whole.resolve("hollis-college").resolve("demo");
        Files.createDirectories(target);
        try (Stream<Path> files = Files.list(repository.resolve("demo"))) {
            for (Path file : files.toList()) {
                Files.copy(file, target.resolve(file.getFileName()));
            }
        }
        List<DemoApplier.Outcome> first = bean(DemoData.class).applyAll(whole);
        assertEquals(Set.of("hollis-college"), first.stream().filter(DemoApplier.Outcome::applied).map(DemoApplier.Outcome::slug)
                .collect(Collectors.toSet()), first.toString());
        int people = rosterSize("hollis-college");
        Map<String, Long> states = reportStates("hollis-college");
        Map<String, Long> banStates = banStates("hollis-college");
        int gapsAfter = gapsThisWeek("hollis-college");
        assertEquals(10, people);
        assertTrue(states.keySet().containsAll(Set.of("draft", "countersigned", "acknowledged", "closed")), states.toString());
        assertEquals(5, states.values().stream().mapToLong(Long::longValue).sum(), states.toString());
        assertTrue(gapsAfter >= 1 && gapsAfter * 2 < gapsBefore, "gaps before " + gapsBefore + ", after " + gapsAfter);
        someoneInChargeWhereverOpen("hollis-college");

        // A second start: every library system was applied before, nothing is added anywhere.
        Map<String, Integer> rosters = new TreeMap<>();
        DIRECTORS.keySet().forEach(slug -> rosters.put(slug, rosterSize(slug)));
        Set<String> notes = new HashSet<>();
        for (DemoApplier.Outcome again : bean(DemoData.class).applyAll(whole)) {
            assertFalse(again.applied(), again.toString());
            notes.add(again.note());
        }
        assertEquals(Set.of("applied before; nothing added"), notes);
        DIRECTORS.keySet().forEach(slug -> assertEquals(rosters.get(slug), rosterSize(slug), slug));
        assertEquals(states.values().stream().mapToLong(Long::longValue).sum(),
                reportStates("hollis-college").values().stream().mapToLong(Long::longValue).sum());
        assertEquals(banStates.values().stream().mapToLong(Long::longValue).sum(),
                banStates("hollis-college").values().stream().mapToLong(Long::longValue).sum());
    }
}
