package org.servicepoint.demo.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.InputFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.servicepoint.platform.control.Refusal;
import org.servicepoint.platform.control.Refusal.Violation;
import org.servicepoint.platform.control.SchemaDocuments;

/**
 * Reads a library system's demo files ({@code tenants/<slug>/demo/*.yaml}) and checks their shape: known keys only,
 * the right types, times and states, and actors who are the library system's demo users. Everything wrong is named by
 * file, line and field, and a folder with any error is refused whole, before anything is applied. The files are parsed
 * as strictly as tenant files ({@link SchemaDocuments#tree}); {@link DemoMapping} reads the values of each item.
 */
public final class DemoDocuments {

    public static final String FOLDER = "demo";
    private static final Set<String> SECTIONS = Set.of("roster", "shifts", "incidents", "bans", "escalations", "exceptions", "training",
            "commentCards", "reconsiderations", "complaints", "followUps", "callBacks");

    /** One demo file: the name it is reported under ("tenants/riverbend/demo/roster.yaml") and its text. */
    public record Source(String name, String text) {
    }

    private DemoDocuments() {
    }

    /** The YAML files of {@code tenantDir/demo}, by name; none if the library system has no demo folder. */
    public static List<Source> folder(Path tenantDir) {
        Path dir = tenantDir.resolve(FOLDER);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            List<Source> sources = new ArrayList<>();
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".yaml")).sorted().toList()) {
                sources.add(new Source("tenants/" + tenantDir.getFileName() + "/" + FOLDER + "/" + file.getFileName(),
                        Files.readString(file, StandardCharsets.UTF_8)));
            }
            return sources;
        } catch (IOException e) {
            throw Refusal.invalid(dir.toString(), "cannot be read: " + e.getMessage());
        }
    }

    /**
     * The demo data of one library system. {@code actors} are its demo users' usernames: only they act (sign, ban,
     * escalate), because only they can sign in and see what they did.
     */
    public static DemoSet read(String slug, List<Source> sources, Set<String> actors) {
        List<Violation> violations = new ArrayList<>();
        List<DemoSet.Person> roster = new ArrayList<>();
        List<DemoSet.WeeklyShift> shifts = new ArrayList<>();
        List<DemoSet.Incident> incidents = new ArrayList<>();
        List<DemoSet.Ban> bans = new ArrayList<>();
        List<DemoSet.Raised> escalations = new ArrayList<>();
        List<DemoSet.Answered> training = new ArrayList<>();
        List<DemoMapping> shiftItems = new ArrayList<>();
        List<DemoSet.Granted> exceptions = new ArrayList<>();
        List<DemoMapping> exceptionItems = new ArrayList<>();
        List<DemoSet.Card> commentCards = new ArrayList<>();
        List<DemoSet.Reconsidered> reconsiderations = new ArrayList<>();
        List<DemoSet.Complained> complaints = new ArrayList<>();
        List<DemoSet.FollowedUp> followUps = new ArrayList<>();
        List<DemoMapping> followUpItems = new ArrayList<>();
        List<DemoSet.CallBackOffer> callBacks = new ArrayList<>();
        for (Source source : sources) {
            JsonNode root = parse(source, violations);
            if (root == null) {
                continue;
            }
            DemoMapping file = new DemoMapping(source.name(), "", root, violations);
            file.onlyKeys(SECTIONS);
            for (DemoMapping item : file.list("roster")) {
                roster.add(new DemoSet.Person(item.at(), item.text("tagName", true), item.text("username", false),
                        item.text("position", true), item.text("branch", true), item.text("employmentType", true),
                        item.date("startsOn"), item.text("email", false)));
                item.onlyKeys(Set.of("tagName", "username", "position", "branch", "employmentType", "startsOn", "email"));
            }
            for (DemoMapping item : file.list("shifts")) {
                String[] hours = item.hours("hours");
                shifts.add(new DemoSet.WeeklyShift(item.at(), item.text("who", true), item.text("branch", true),
                        item.text("desk", true), item.days("days"), hours[0], hours[1], item.flag("skipNext")));
                item.onlyKeys(Set.of("who", "branch", "desk", "days", "hours", "skipNext"));
                shiftItems.add(item);
            }
            for (DemoMapping item : file.list("incidents")) {
                incidents.add(incident(item, actors));
            }
            for (DemoMapping item : file.list("bans")) {
                DemoMapping lifted = item.mapping("lifted");
                bans.add(new DemoSet.Ban(item.at(), item.actor("by", true, actors), item.text("card", true), item.text("patron", false),
                        item.text("scope", true), item.text("branch", false), item.number("startedDaysAgo", 0, 300, true),
                        item.number("days", 1, 700, true), item.text("reason", true),
                        lifted == null ? null : lifted.actor("by", true, actors), lifted == null ? null : lifted.text("reason", true)));
                item.onlyKeys(Set.of("by", "card", "patron", "scope", "branch", "startedDaysAgo", "days", "reason", "lifted"));
                if (lifted != null) {
                    lifted.onlyKeys(Set.of("by", "reason"));
                }
            }
            for (DemoMapping item : file.list("escalations")) {
                DemoMapping outcome = item.mapping("outcome");
                escalations.add(new DemoSet.Raised(item.at(), item.actor("by", true, actors), item.text("branch", true),
                        item.text("situation", true), item.text("note", true),
                        outcome == null ? null : outcome.actor("by", true, actors), outcome == null ? null : outcome.text("text", true)));
                item.onlyKeys(Set.of("by", "branch", "situation", "note", "outcome"));
                if (outcome != null) {
                    outcome.onlyKeys(Set.of("by", "text"));
                }
            }
            for (DemoMapping item : file.list("exceptions")) {
                exceptions.add(new DemoSet.Granted(item.at(), item.actor("by", true, actors), item.text("policy", true),
                        item.text("branch", true), item.text("approvedBy", true), item.numbers("daysAgo", 0, 360),
                        time(item), item.text("asked", true), item.text("granted", true)));
                item.onlyKeys(Set.of("by", "policy", "branch", "approvedBy", "daysAgo", "time", "asked", "granted"));
                exceptionItems.add(item);
            }
            for (DemoMapping item : file.list("training")) {
                training.add(new DemoSet.Answered(item.at(), item.actor("by", true, actors), item.text("scenario", true),
                        item.text("choice", true)));
                item.onlyKeys(Set.of("by", "scenario", "choice"));
            }
            for (DemoMapping item : file.list("commentCards")) {
                commentCards.add(new DemoSet.Card(item.at(), item.text("branch", true), item.text("kind", true), item.text("text", true),
                        item.text("language", true), item.text("name", false), item.text("email", false),
                        item.actor("thankedBy", false, actors)));
                item.onlyKeys(Set.of("branch", "kind", "text", "language", "name", "email", "thankedBy"));
            }
            for (DemoMapping item : file.list("reconsiderations")) {
                reconsiderations.add(reconsidered(item, actors));
            }
            for (DemoMapping item : file.list("complaints")) {
                complaints.add(complaint(item, actors));
            }
            for (DemoMapping item : file.list("followUps")) {
                followUps.add(new DemoSet.FollowedUp(item.at(), item.actor("by", true, actors), item.number("escalation", 1, 100, true),
                        item.text("what", true), item.number("dueInDays", 0, 365, true), item.text("owner", true), item.flag("done")));
                item.onlyKeys(Set.of("by", "escalation", "what", "dueInDays", "owner", "done"));
                followUpItems.add(item);
            }
            for (DemoMapping item : file.list("callBacks")) {
                int daysAgo = item.number("daysAgo", 0, 30, false);
                callBacks.add(new DemoSet.CallBackOffer(item.at(), item.actor("by", true, actors), item.text("branch", true),
                        daysAgo, daysAgo == 0 ? null : time(item), item.text("question", true), item.text("name", false),
                        item.text("phone", true), item.text("outcome", false)));
                item.onlyKeys(Set.of("by", "branch", "daysAgo", "time", "question", "name", "phone", "outcome"));
            }
        }
        // A shift names its person by tag name, which must be on this demo roster.
        Set<String> tagNames = new java.util.HashSet<>();
        roster.forEach(p -> tagNames.add(p.tagName()));
        for (int i = 0; i < shifts.size(); i++) {
            String who = shifts.get(i).who();
            if (who != null && !tagNames.contains(who)) {
                shiftItems.get(i).problem("who", "\"" + who + "\" is not a tag name on the demo roster");
            }
        }
        // An exception's approver is named by tag name too.
        for (int i = 0; i < exceptions.size(); i++) {
            String approver = exceptions.get(i).approvedBy();
            if (approver != null && !tagNames.contains(approver)) {
                exceptionItems.get(i).problem("approvedBy", "\"" + approver + "\" is not a tag name on the demo roster");
            }
        }
        // A follow-up names its escalation by number and its owner by tag name.
        for (int i = 0; i < followUps.size(); i++) {
            DemoSet.FollowedUp f = followUps.get(i);
            if (f.escalation() > escalations.size()) {
                followUpItems.get(i).problem("escalation", "there are " + escalations.size() + " demo escalations");
            }
            if (f.owner() != null && !tagNames.contains(f.owner())) {
                followUpItems.get(i).problem("owner", "\"" + f.owner() + "\" is not a tag name on the demo roster");
            }
        }
        if (!violations.isEmpty()) {
            violations.sort(SchemaDocuments.BY_LINE);
            throw Refusal.invalid(violations.size() + " problem(s) in the demo files of " + slug + "; nothing was applied",
                    violations);
        }
        return new DemoSet(slug, roster, shifts, incidents, bans, escalations, exceptions, training, commentCards,
                reconsiderations, complaints, followUps, callBacks, sha256(sources));
    }

    /** A request to reconsider an item, its review steps and its decision if any. */
    private static DemoSet.Reconsidered reconsidered(DemoMapping item, Set<String> actors) {
        List<DemoSet.ReviewStepDone> steps = new ArrayList<>();
        for (DemoMapping step : item.list("steps")) {
            steps.add(new DemoSet.ReviewStepDone(step.text("step", true), step.actor("by", true, actors), step.text("note", false)));
            step.onlyKeys(Set.of("step", "by", "note"));
        }
        DemoMapping decision = item.mapping("decision");
        if (decision != null) {
            decision.onlyKeys(Set.of("by", "outcome", "reasons"));
        }
        item.onlyKeys(Set.of("branch", "title", "author", "format", "objection", "consumed", "asks", "steps", "decision"));
        return new DemoSet.Reconsidered(item.at(), item.text("branch", true), item.text("title", true), item.text("author", false),
                item.text("format", true), item.text("objection", true), item.text("consumed", true), item.text("asks", false), steps,
                decision == null ? null : decision.actor("by", true, actors), decision == null ? null : decision.text("outcome", true),
                decision == null ? null : decision.text("reasons", true));
    }

    private static DemoSet.Incident incident(DemoMapping item, Set<String> actors) {
        String stateText = item.text("state", true);
        DemoSet.State state = null;
        if (stateText != null) {
            try {
                state = DemoSet.State.valueOf(stateText.toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                item.problem("state", "must be one of draft, submitted, countersigned, acknowledged, closed");
            }
        }
        String headquarters = item.actor("headquarters", false, actors);
        if (state != null && state.compareTo(DemoSet.State.ACKNOWLEDGED) >= 0 && headquarters == null) {
            item.problem("headquarters", "is required for a report that headquarters acknowledged or closed");
        }
        String countersignedBy = item.actor("countersignedBy", false, actors);
        if (state == DemoSet.State.COUNTERSIGNED && countersignedBy == null) {
            item.problem("countersignedBy", "is required for a countersigned report");
        }
        LocalTime at = time(item);
        DemoSet.Incident incident = new DemoSet.Incident(item.at(), item.actor("by", true, actors), item.text("category", true),
                item.text("branch", true), item.number("daysAgo", 0, 300, true), at, item.answers("answers"),
                item.text("calledTo", false), state, countersignedBy, headquarters);
        item.onlyKeys(Set.of("by", "category", "branch", "daysAgo", "time", "answers", "calledTo", "state", "countersignedBy",
                "headquarters"));
        return incident;
    }

    private static DemoSet.Complained complaint(DemoMapping item, Set<String> actors) {
        DemoMapping contact = item.mapping("contact");
        DemoMapping response = item.mapping("response");
        DemoSet.Complained complaint = new DemoSet.Complained(item.at(), item.actor("by", true, actors), item.text("branch", true),
                item.text("channel", true), item.text("about", true), item.text("policy", false), item.text("asks", false),
                contact == null ? null : contact.text("name", false), contact == null ? null : contact.text("email", false),
                contact == null ? null : contact.text("phone", false), contact == null ? null : contact.text("language", true),
                item.actor("openedBy", false, actors), response == null ? null : response.actor("by", true, actors),
                response == null ? null : response.text("channel", true), response == null ? null : response.text("text", true),
                item.actor("closedBy", false, actors));
        item.onlyKeys(Set.of("by", "branch", "channel", "about", "policy", "asks", "contact", "openedBy", "response", "closedBy"));
        if (contact != null) {
            contact.onlyKeys(Set.of("name", "email", "phone", "language"));
        }
        if (response != null) {
            response.onlyKeys(Set.of("by", "channel", "text"));
        }
        return complaint;
    }

    /** The item's {@code time}, like 14:30; null (with a problem) when missing or not a time. */
    private static LocalTime time(DemoMapping item) {
        String time = item.text("time", true);
        if (time != null) {
            try {
                return LocalTime.parse(time);
            } catch (DateTimeParseException e) {
                item.problem("time", "must be a time like 14:30");
            }
        }
        return null;
    }

    /** The file as a tree whose nodes know their lines, read as strictly as tenant files; null when it cannot be. */
    private static JsonNode parse(Source source, List<Violation> violations) {
        try {
            return SchemaDocuments.tree(source.name(), source.text(), InputFormat.YAML);
        } catch (Refusal notReadable) {
            violations.addAll(notReadable.violations());
            return null;
        }
    }

    private static String sha256(List<Source> sources) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Source source : sources) {
                digest.update((source.name() + "\n" + source.text() + "\n").getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
