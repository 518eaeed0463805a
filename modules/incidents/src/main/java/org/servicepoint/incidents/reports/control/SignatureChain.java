package org.servicepoint.incidents.reports.control;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.servicepoint.incidents.forms.control.CanonicalJson;
import org.servicepoint.incidents.reports.control.Verification.Mismatch;
import org.servicepoint.incidents.reports.control.Verification.Problem;
import org.servicepoint.incidents.reports.entity.IncidentAddendum;
import org.servicepoint.incidents.reports.entity.IncidentReport;
import org.servicepoint.incidents.reports.entity.IncidentSignature;
import org.servicepoint.incidents.reports.entity.SignatureKind;

/**
 * The signatures of a report form a chain. Signature n covers the SHA-256 of the report's canonical content as it
 * stood when n was made (form version and hash, category, branch, times, reporter, answers, staff and patrons
 * named, the call to headquarters, and the addenda signed so far) and the hash of signature n-1. Verification
 * recomputes all of it from what is stored now and names the first signature that no longer holds.
 *
 * <p>The content is the plain text as signed, although answers, the call's note and addenda are stored sealed: the
 * caller opens them first ({@link Opened}). A sealed value that no longer opens (a changed byte, a value moved from
 * another row) counts as {@link Opened#UNREADABLE}, which no signed text can equal, so verification names the first
 * signature that covered it.
 *
 * <p>The hashes are not keyed: whoever can rewrite the tables could recompute them all. Each signature's hash is
 * therefore also written into the audit log, whose own chain is anchored elsewhere (see the README).
 */
public final class SignatureChain {

    public static final String GENESIS = "0".repeat(64);
    static final String CONTENT_FORMAT = "servicepoint-incident-v1";
    static final String SIGNATURE_FORMAT = "servicepoint-incident-signature-v1";
    static final DateTimeFormatter MICROS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private SignatureChain() {
    }

    /**
     * The report's sealed texts, opened: the answers (canonical JSON), the note of the call to headquarters (or
     * null), and each addendum's text by addendum id. A text that did not open is {@link #UNREADABLE}.
     */
    public record Opened(String answers, String verbalNote, Map<java.util.UUID, String> addenda) {

        /** Stands for a sealed value that does not open; holds a NUL, which free text never does. */
        public static final String UNREADABLE = "\u0000sealed value does not open";

        public Opened {
            addenda = Map.copyOf(addenda);
        }

        String addendum(IncidentAddendum a) {
            return addenda.getOrDefault(a.id(), UNREADABLE);
        }
    }

    /** The canonical content that signature {@code upToSeq} covers: the report with the addenda signed up to and including it. */
    public static String content(String tenant, IncidentReport report, Opened opened, List<IncidentAddendum> addenda, int upToSeq) {
        Map<String, Object> content = new TreeMap<>();
        content.put("format", CONTENT_FORMAT);
        content.put("tenant", tenant);
        content.put("report", report.id().toString());
        content.put("form", Map.of("version", report.formVersion(), "hash", report.formHash()));
        content.put("category", report.category());
        content.put("branch", report.branchCode());
        content.put("occurredAt", time(report.occurredAt()));
        content.put("reporter", person(report.reporterUsername(), report.reporterTagName(), report.reporterPosition()));
        content.put("answers", Opened.UNREADABLE.equals(opened.answers()) ? Opened.UNREADABLE : CanonicalJson.read(opened.answers()));
        content.put("staffMembers", CanonicalJson.read(report.staffNames()));
        content.put("patronReferences", CanonicalJson.read(report.patronReferences()));
        if (report.verbalCalledAt() != null) {
            Map<String, Object> call = new TreeMap<>();
            call.put("calledBy", report.verbalCalledBy());
            call.put("calledTo", report.verbalCalledTo());
            call.put("calledAt", time(report.verbalCalledAt()));
            call.put("note", opened.verbalNote());
            call.put("recordedBy", report.verbalRecordedBy());
            content.put("verbalReport", call);
        }
        List<Object> signed = new ArrayList<>();
        addenda.stream().filter(a -> a.signatureSeq() <= upToSeq).sorted(Comparator.comparingInt(IncidentAddendum::seq))
                .forEach(a -> {
                    Map<String, Object> entry = new TreeMap<>();
                    entry.put("seq", a.seq());
                    entry.put("text", opened.addendum(a));
                    entry.put("author", person(a.authorUsername(), a.authorTagName(), null));
                    entry.put("createdAt", time(a.createdAt()));
                    entry.put("signatureSeq", a.signatureSeq());
                    signed.add(entry);
                });
        content.put("addenda", signed);
        return CanonicalJson.write(content);
    }

    public static String contentHash(String tenant, IncidentReport report, Opened opened, List<IncidentAddendum> addenda, int upToSeq) {
        return CanonicalJson.sha256(content(tenant, report, opened, addenda, upToSeq));
    }

    /**
     * Hex SHA-256 of a signature's fields. Each is written as {@code |<UTF-8 length>:<text>} or {@code |-} for none,
     * so no two different signatures encode alike.
     */
    public static String signatureHash(String reportId, int seq, SignatureKind kind, String signer, String signerTagName,
                                       String signerPosition, OffsetDateTime signedAt, String contentHash, String previousHash) {
        StringBuilder text = new StringBuilder(SIGNATURE_FORMAT);
        for (String field : Arrays.asList(reportId, Integer.toString(seq), kind.name(), signer, signerTagName, signerPosition,
                time(signedAt), contentHash, previousHash)) {
            if (field == null) {
                text.append("|-");
            } else {
                text.append('|').append(field.getBytes(StandardCharsets.UTF_8).length).append(':').append(field);
            }
        }
        return CanonicalJson.sha256(text.toString());
    }

    public static String hashOf(IncidentSignature s) {
        return signatureHash(s.reportId().toString(), s.seq(), s.kind(), s.signerUsername(), s.signerTagName(), s.signerPosition(),
                s.signedAt(), s.contentHash(), s.previousHash());
    }

    /** Recomputes the chain from the stored rows; stops at the first signature that does not hold. */
    public static Verification verify(String tenant, IncidentReport report, Opened opened, List<IncidentAddendum> addenda,
                                      List<IncidentSignature> signatures) {
        List<IncidentSignature> chain = signatures.stream().sorted(Comparator.comparingInt(IncidentSignature::seq)).toList();
        String previous = GENESIS;
        int expected = 1;
        int checked = 0;
        for (IncidentSignature s : chain) {
            checked++;
            Problem problem = null;
            String explanation = null;
            if (s.seq() != expected) {
                problem = Problem.SEQUENCE_GAP;
                explanation = "signature " + expected + (s.seq() - 1 > expected ? " to " + (s.seq() - 1) : "") + " is missing";
            } else if (expected == 1 && s.kind() != SignatureKind.REPORTER) {
                problem = Problem.MISSING_SIGNATURE;
                explanation = "the first signature must be the reporter's";
            } else if (!previous.equals(s.previousHash())) {
                problem = Problem.PREVIOUS_LINK_BROKEN;
                explanation = "the signature does not carry the hash of signature " + (expected - 1);
            } else if (!hashOf(s).equals(s.hash())) {
                problem = Problem.SIGNATURE_CHANGED;
                explanation = "who signed, when, why or what was signed was changed after signing";
            } else if (!contentHash(tenant, report, opened, addenda, s.seq()).equals(s.contentHash())) {
                problem = Problem.CONTENT_CHANGED;
                explanation = "the report as stored now is not what this signature covers";
            }
            if (problem != null) {
                return new Verification(report.id(), checked, false, mismatch(s, problem, explanation), previous);
            }
            previous = s.hash();
            expected = s.seq() + 1;
        }
        Mismatch missing = missingSteps(report, addenda, chain);
        if (missing != null) {
            return new Verification(report.id(), checked, false, missing, previous);
        }
        return new Verification(report.id(), checked, true, null, previous);
    }

    /** Steps the report records but no signature vouches for, and addenda no signature covers. */
    private static Mismatch missingSteps(IncidentReport report, List<IncidentAddendum> addenda, List<IncidentSignature> chain) {
        int next = chain.size() + 1;
        Set<SignatureKind> kinds = chain.stream().map(IncidentSignature::kind).collect(Collectors.toSet());
        Map<SignatureKind, java.time.OffsetDateTime> recorded = new LinkedHashMap<>();
        recorded.put(SignatureKind.REPORTER, report.submittedAt());
        recorded.put(SignatureKind.COUNTERSIGNATURE, report.countersignedAt());
        recorded.put(SignatureKind.ACKNOWLEDGEMENT, report.acknowledgedAt());
        for (Map.Entry<SignatureKind, java.time.OffsetDateTime> step : recorded.entrySet()) {
            if (step.getValue() != null && !kinds.contains(step.getKey())) {
                return new Mismatch(next, null, step.getKey().code(), null, Problem.MISSING_SIGNATURE,
                        "the report records a " + step.getKey().code() + " signature that is not there");
            }
        }
        Set<Integer> addendumSignatures = chain.stream().filter(s -> s.kind() == SignatureKind.ADDENDUM)
                .map(IncidentSignature::seq).collect(Collectors.toSet());
        for (IncidentAddendum a : addenda.stream().sorted(Comparator.comparingInt(IncidentAddendum::seq)).toList()) {
            if (!addendumSignatures.contains(a.signatureSeq())) {
                return new Mismatch(a.signatureSeq(), null, SignatureKind.ADDENDUM.code(), a.authorUsername(),
                        Problem.UNSIGNED_ADDENDUM, "addendum " + a.seq() + " is not covered by a signature");
            }
        }
        return null;
    }

    private static Mismatch mismatch(IncidentSignature s, Problem problem, String explanation) {
        return new Mismatch(s.seq(), s.id(), s.kind().code(), s.signerUsername(), problem, explanation);
    }

    private static Map<String, Object> person(String username, String tagName, String position) {
        Map<String, Object> person = new TreeMap<>();
        person.put("username", username);
        person.put("tagName", tagName);
        person.put("position", position);
        return person;
    }

    static String time(OffsetDateTime time) {
        return time == null ? null : MICROS.format(time);
    }
}
