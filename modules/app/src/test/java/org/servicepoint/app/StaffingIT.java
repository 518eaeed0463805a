package org.servicepoint.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Staffing in the running application: roster, shifts, coverage, who is in charge, escalation, and
 * branch scope (a person in charge acts within their own branch; headquarters across all).
 */
@Order(3)
class StaffingIT extends ServicePointDeployment {

    // ---- staffing: roster, shifts, coverage, who is in charge, escalation ----

    @Test
    @RunAsClient
    void a_volunteer_escalates_and_the_rules_pick_who_decides_and_tell_the_absent_branch_manager() throws Exception {
        String manager = token("riverbend", "rosa");
        String ann = addStaff(manager, "Ann", null, "assistant-librarian", "permanent");
        String val = addStaff(manager, "Val", "kit", "volunteer", "volunteer");
        // A branch manager receives incident reports: headquarters or a tenant admin puts one on the roster.
        addStaff(token("riverbend", "dee"), "Rosa", "rosa", "branch-manager", "permanent");
        assertEquals(201, allDayShift(manager, ann).statusCode());
        assertEquals(201, allDayShift(manager, val).statusCode());
        assertProblem(allDayShift(manager, ann), 409, "conflict");
        assertEquals(403, allDayShift(token("riverbend", "sam"), ann).statusCode());

        HttpResponse<String> inCharge = staff(token("riverbend", "sam"), "tenants/riverbend/duty/in-charge?branch=PINE-HOLLOW");
        assertEquals(200, inCharge.statusCode(), inCharge.body());
        assertTrue(inCharge.body().contains("\"tagName\":\"Ann\""), inCharge.body() + "\nschedule: "
                + staff(manager, "tenants/riverbend/schedule?branch=PINE-HOLLOW").body() + "\nstaff: " + staff(manager, "tenants/riverbend/staff").body());

        // Two clicks at the desk: "Escalate", then the situation. The branch is the caller's own.
        HttpResponse<String> escalated = staffSend(token("riverbend", "kit"), "POST", "tenants/riverbend/escalations",
                "{\"situation\":\"difficult-situation\",\"note\":\"Shouting at the desk\"}");
        assertEquals(201, escalated.statusCode(), escalated.body());
        assertTrue(escalated.body().contains("\"decidesTagName\":\"Ann\""), escalated.body());
        assertTrue(escalated.body().contains("in your absence"), escalated.body());
        HttpResponse<String> notices = staff(manager, "tenants/riverbend/duty/notices");
        assertTrue(notices.body().contains("in your absence"), notices.body());
        assertTrue(staff(manager, "tenants/riverbend/escalations?branch=PINE-HOLLOW").body().contains("Shouting at the desk"));
        // Desk staff see only what they reported themselves: notes may describe patrons.
        assertFalse(staff(token("riverbend", "sam"), "tenants/riverbend/escalations").body().contains("Shouting at the desk"));
        assertProblem(staff(token("riverbend", "sam"), "tenants/riverbend/escalations/" + idIn(escalated.body())), 404, "not-found");
        assertEquals(200, staff(token("riverbend", "kit"), "tenants/riverbend/escalations/" + idIn(escalated.body())).statusCode());

        HttpResponse<String> coverage = staff(manager, "tenants/riverbend/coverage?branch=PINE-HOLLOW&days=2");
        assertEquals(200, coverage.statusCode(), coverage.body());
        assertCoverageNamesTheUncoveredDeskAndNotTheCoveredOne(manager);
        assertProblem(staff(manager, "tenants/riverbend/coverage?branch=PINE-HOLLOW&days=99"), 400, "invalid-input");
        assertEquals(200, staff(manager, "tenants/riverbend/schedule?branch=PINE-HOLLOW").statusCode());
    }

    @Test
    @RunAsClient
    void the_roster_prints_name_tags_imports_all_or_nothing_and_stays_in_its_library_system() throws Exception {
        String admin = token("riverbend", "dee");
        addStaff(admin, "Zoë Ñúñez", null, "library-assistant", "permanent");
        HttpResponse<byte[]> pdf = HTTP.send(HttpRequest.newBuilder(URI.create(APP_URL + "/api/tenants/riverbend/staff/name-tags.pdf"))
                .header("Authorization", "Bearer " + admin).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, pdf.statusCode());
        assertTrue(new String(pdf.body(), 0, 5).startsWith("%PDF"), "not a PDF");

        String before = staff(admin, "tenants/riverbend/staff").body();
        String csv = "tag_name,username,position,branch,employment_type,starts_on,ends_on\r\n"
                + "Ines,,library-assistant,PINE-HOLLOW,permanent,2024-01-01,\r\n"
                + "Bad Row,,no-such-position,PINE-HOLLOW,permanent,2024-01-01,\r\n";
        HttpResponse<String> refused = HTTP.send(HttpRequest.newBuilder(URI.create(APP_URL + "/api/tenants/riverbend/staff/import"))
                .POST(HttpRequest.BodyPublishers.ofString(csv)).header("Content-Type", "text/csv")
                .header("Authorization", "Bearer " + admin).header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(400, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("row"), refused.body());
        assertEquals(before, staff(admin, "tenants/riverbend/staff").body());

        String lakeview = token("lakeview-law", "morgan");
        assertProblem(staff(lakeview, "tenants/riverbend/staff"), 404, "not-found");
        assertFalse(staff(lakeview, "tenants/lakeview-law/staff").body().contains("Zoë"));
    }

    // ---- branch scope: a person in charge acts within their own branch; headquarters across all ----

    @Test
    @RunAsClient
    void a_person_in_charge_of_one_branch_reaches_none_of_another_branchs_roster_shifts_absences_or_escalations() throws Exception {
        String dee = token("riverbend", "dee");
        String rosa = token("riverbend", "rosa");
        String moss = token("riverbend", "moss");
        String tag = "Pia " + UUID.randomUUID().toString().substring(0, 6);
        String pia = addStaff(dee, tag, null, "library-assistant", "permanent", "PINE-HOLLOW");
        String cal = addStaff(dee, "Cal " + tag.substring(4), null, "library-assistant", "permanent", "MOSSY-CREEK");

        // Roster: each sees their own branch; the other branch's entries do not exist for them.
        assertTrue(staff(rosa, "tenants/riverbend/staff").body().contains(tag));
        assertFalse(staff(moss, "tenants/riverbend/staff").body().contains(tag));
        assertProblem(staff(moss, "tenants/riverbend/staff?branch=PINE-HOLLOW"), 404, "not-found");
        assertProblem(staff(moss, "tenants/riverbend/staff/" + pia), 404, "not-found");
        assertProblem(staffSend(moss, "POST", "tenants/riverbend/staff/" + pia + "/end", "{\"endsOn\":\"2030-01-01\"}"), 404, "not-found");
        assertEquals(403, staffSend(moss, "POST", "tenants/riverbend/staff", "{\"tagName\":\"Intruder\",\"position\":\"volunteer\","
                + "\"branch\":\"PINE-HOLLOW\",\"employmentType\":\"volunteer\",\"startsOn\":\"2020-01-01\"}").statusCode());
        assertEquals(200, staff(moss, "tenants/riverbend/staff/" + cal).statusCode());

        // Shifts and absences.
        HttpResponse<String> shift = allDayShift(dee, pia);
        assertEquals(201, shift.statusCode(), shift.body());
        String shiftId = idIn(shift.body());
        assertEquals(403, allDayShift(moss, pia).statusCode());
        assertProblem(staff(moss, "tenants/riverbend/shifts/" + shiftId), 404, "not-found");
        assertFalse(staff(moss, "tenants/riverbend/shifts").body().contains(shiftId));
        assertProblem(staff(moss, "tenants/riverbend/shifts?branch=PINE-HOLLOW"), 404, "not-found");
        assertEquals(200, staff(rosa, "tenants/riverbend/shifts/" + shiftId).statusCode());
        assertTrue(staff(dee, "tenants/riverbend/shifts").body().contains(shiftId));
        HttpResponse<String> away = staffSend(dee, "POST", "tenants/riverbend/absences", "{\"staffMemberId\":\"" + pia
                + "\",\"kind\":\"leave\",\"firstDay\":\"2031-03-02\"}");
        assertEquals(201, away.statusCode(), away.body());
        String absence = idIn(away.body());
        assertFalse(staff(moss, "tenants/riverbend/absences").body().contains(absence));
        assertTrue(staff(rosa, "tenants/riverbend/absences").body().contains(absence));
        assertTrue(staff(dee, "tenants/riverbend/absences").body().contains(absence));
        assertEquals(403, staffSend(moss, "POST", "tenants/riverbend/absences", "{\"staffMemberId\":\"" + pia
                + "\",\"kind\":\"sick\",\"firstDay\":\"2031-04-02\"}").statusCode());
        assertProblem(HTTP.send(HttpRequest.newBuilder(URI.create(APP_URL + "/api/tenants/riverbend/absences/" + absence)).DELETE()
                .header("Authorization", "Bearer " + moss).header("Accept", "application/json").build(),
                HttpResponse.BodyHandlers.ofString()), 404, "not-found");

        // Escalations: the other branch's person in charge neither lists nor reads it, nor raises one there.
        String note = "Shouting near the atlases " + tag;
        HttpResponse<String> escalated = staffSend(token("riverbend", "sam"), "POST", "tenants/riverbend/escalations",
                "{\"situation\":\"complaint\",\"note\":" + json(note) + "}");
        assertEquals(201, escalated.statusCode(), escalated.body());
        String escalation = idIn(escalated.body());
        assertFalse(staff(moss, "tenants/riverbend/escalations").body().contains(note));
        assertProblem(staff(moss, "tenants/riverbend/escalations/" + escalation), 404, "not-found");
        assertEquals(403, staffSend(moss, "POST", "tenants/riverbend/escalations",
                "{\"branch\":\"PINE-HOLLOW\",\"situation\":\"complaint\"}").statusCode());
        assertTrue(staff(rosa, "tenants/riverbend/escalations").body().contains(note));
        assertTrue(staff(dee, "tenants/riverbend/escalations").body().contains(note));
        assertEquals(200, staff(dee, "tenants/riverbend/escalations/" + escalation).statusCode());
    }

    @Test
    @RunAsClient
    void only_headquarters_changes_who_receives_reports_and_the_previous_address_is_told() throws Exception {
        String dee = token("riverbend", "dee");
        String moss = token("riverbend", "moss");
        String mo = onRoster("Mo", "moss", "branch-manager", "MOSSY-CREEK");
        String entry = staff(dee, "tenants/riverbend/staff/" + mo).body();
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String form = "{\"tagName\":\"Mo\",\"username\":\"moss\",\"position\":\"branch-manager\",\"branch\":\"MOSSY-CREEK\","
                + "\"employmentType\":\"permanent\",\"startsOn\":\"2020-01-01\",\"version\":" + versionIn(entry) + ",\"email\":";
        HttpResponse<String> set = staffSend(dee, "PUT", "tenants/riverbend/staff/" + mo, form + json("mo." + suffix + "@riverbend.example") + "}");
        assertEquals(200, set.statusCode(), set.body());

        // A person in charge cannot point a receiving position at an outside address, not even their own entry's.
        String outside = form.replace("\"version\":" + versionIn(entry), "\"version\":" + versionIn(set.body()))
                + json("reports@outside.example") + "}";
        assertProblem(staffSend(moss, "PUT", "tenants/riverbend/staff/" + mo, outside), 403, "forbidden");
        assertProblem(staffSend(token("riverbend", "rosa"), "PUT", "tenants/riverbend/staff/" + mo, outside), 404, "not-found");
        assertEquals(403, staffSend(moss, "POST", "tenants/riverbend/staff", "{\"tagName\":\"Second manager\",\"position\":"
                + "\"branch-manager\",\"branch\":\"MOSSY-CREEK\",\"employmentType\":\"permanent\",\"startsOn\":\"2020-01-01\","
                + "\"email\":\"x@outside.example\"}").statusCode());
        assertTrue(staff(dee, "tenants/riverbend/staff/" + mo).body().contains("mo." + suffix + "@riverbend.example"));

        // Headquarters may; the address that stops receiving reports is told.
        HttpResponse<String> changed = staffSend(dee, "PUT", "tenants/riverbend/staff/" + mo, outside.replace("reports@outside.example",
                "mo.new." + suffix + "@riverbend.example"));
        assertEquals(200, changed.statusCode(), changed.body());
        assertTrue(staff(moss, "tenants/riverbend/duty/notices").body().contains("no longer mailed to mo." + suffix + "@riverbend.example"));
    }

    /** Today Ann covers circulation all day, so no issue names it; an ordinary Tuesday nobody covers the children's desk. */
    void assertCoverageNamesTheUncoveredDeskAndNotTheCoveredOne(String manager) throws Exception {
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("America/Chicago"));
        String todays = staff(manager, "tenants/riverbend/coverage?branch=PINE-HOLLOW&days=1").body();
        assertEquals("", objectWith(todays, "\"servicePoint\":\"circulation\"", "\"date\":\"" + today + "\""), todays);
        java.time.LocalDate tuesday = today.plusDays(1).with(java.time.temporal.TemporalAdjusters.nextOrSame(java.time.DayOfWeek.TUESDAY));
        while (tuesday.getMonthValue() == 12 && tuesday.getDayOfMonth() >= 20 || tuesday.getMonthValue() == 1 && tuesday.getDayOfMonth() <= 2) {
            tuesday = tuesday.plusWeeks(1);
        }
        HttpResponse<String> later = staff(manager, "tenants/riverbend/coverage?branch=PINE-HOLLOW&days=1&from=" + tuesday);
        assertEquals(200, later.statusCode(), later.body());
        assertFalse(objectWith(later.body(), "\"branch\":\"PINE-HOLLOW\"", "\"servicePoint\":\"childrens\"", "\"date\":\"" + tuesday + "\"",
                "\"from\":\"10:00\"", "\"to\":\"17:00\"", "\"kind\":\"GAP\"").isEmpty(), later.body());
        assertFalse(later.body().contains("\"branch\":\"HQ\""), later.body());
    }

    /** A roster entry's form as its GET shows it, with another email (or none). */
    String rosterForm(String token, String id, String email) throws Exception {
        String entry = staff(token, "tenants/riverbend/staff/" + id).body();
        StringBuilder form = new StringBuilder("{");
        for (String field : new String[] {"tagName", "username", "position", "branch", "employmentType", "startsOn"}) {
            var m = java.util.regex.Pattern.compile("\"" + field + "\":(\"[^\"]*\")").matcher(entry);
            if (m.find()) {
                form.append('"').append(field).append("\":").append(m.group(1)).append(',');
            }
        }
        return form.append("\"version\":").append(versionIn(entry)).append(email == null ? "" : ",\"email\":" + json(email))
                .append('}').toString();
    }

    /** Waits a little for mails whose Message-ID contains {@code marker}; answers them per address. */
    static java.util.Map<String, Integer> mailsFor(String marker, String address) throws Exception {
        long until = System.nanoTime() + java.time.Duration.ofSeconds(60).toNanos();
        while (!TestMail.countsFor(marker).containsKey(address) && System.nanoTime() < until) {
            Thread.sleep(250);
        }
        Thread.sleep(1500); // a few more passes of the worker: nothing may arrive twice
        return TestMail.countsFor(marker);
    }

    @Test
    @RunAsClient
    void the_previous_address_and_the_deciders_of_a_disclosure_request_are_told_by_mail_through_the_outbox() throws Exception {
        String dee = token("riverbend", "dee");
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String mo = onRoster("Mo", "moss", "branch-manager", "MOSSY-CREEK");
        String old = "mo.was." + suffix + "@riverbend.example";
        assertEquals(200, staffSend(dee, "PUT", "tenants/riverbend/staff/" + mo, rosterForm(dee, mo, old)).statusCode());
        assertEquals(200, staffSend(dee, "PUT", "tenants/riverbend/staff/" + mo,
                rosterForm(dee, mo, "mo.now." + suffix + "@riverbend.example")).statusCode());
        assertEquals(1, mailsFor("notice.recipient-changed", old).getOrDefault(old, 0));

        // The director decides police requests; with an address on the roster, she is mailed as well as told in the app.
        String director = onRoster("Dee", "dee", "executive-director", "HQ");
        String address = "dee.decides." + suffix + "@riverbend.example";
        HttpResponse<String> withAddress = staffSend(dee, "PUT", "tenants/riverbend/staff/" + director, rosterForm(dee, director, address));
        assertEquals(200, withAddress.statusCode(), withAddress.body());
        try {
            String asked = "Loans of card 5512 " + suffix;
            HttpResponse<String> logged = staffSend(token("riverbend", "sam"), "POST", "disclosure-requests", "{\"requesterName\":"
                    + "\"Officer Ruiz\",\"requesterOrganisation\":\"County police\",\"authority\":\"warrant\",\"requestText\":"
                    + json(asked) + "}");
            assertEquals(201, logged.statusCode(), logged.body());
            assertEquals(1, mailsFor("notice.disclosure-request", address).getOrDefault(address, 0));
        } finally {
            staffSend(dee, "PUT", "tenants/riverbend/staff/" + director, rosterForm(dee, director, null));
        }
    }

    /** A staff request whose staff member chose {@code language}. */
    private HttpResponse<String> staffSendIn(String language, String token, String path, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(APP_URL + "/api/" + path))
                .POST(HttpRequest.BodyPublishers.ofString(body)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .header("Accept-Language", language).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    @RunAsClient
    void a_staff_member_who_chose_spanish_reads_why_a_shift_and_a_roster_entry_were_refused_in_spanish() throws Exception {
        String dee = token("riverbend", "dee");
        String shift = "{\"staffMemberId\":\"" + UUID.randomUUID() + "\",\"branch\":\"NOWHERE\",\"servicePoint\":\"circulation\","
                + "\"date\":\"2026-02-30\",\"start\":\"09:00\",\"end\":\"12:00\"}";
        HttpResponse<String> refused = staffSendIn("es", dee, "tenants/riverbend/shifts", shift);
        assertProblem(refused, 400, "invalid-input");
        assertTrue(refused.body().contains("\"title\":\"Datos no válidos\""), refused.body());
        assertTrue(refused.body().contains("\"detail\":\"el turno no es aceptable: branch \\\"NOWHERE\\\" no es una sucursal de este "
                + "sistema de bibliotecas\""), refused.body());
        assertTrue(refused.body().contains("\"message\":\"\\\"2026-02-30\\\" no es una fecha del calendario\""), refused.body());
        assertFalse(refused.body().contains("\"text\""), "message keys stay on the server: " + refused.body());
        // The same request in riverbend's own language (en-US) reads as it always did.
        HttpResponse<String> english = staffSend(dee, "POST", "tenants/riverbend/shifts", shift);
        assertTrue(english.body().contains("\"detail\":\"the shift is not acceptable: branch \\\"NOWHERE\\\" is not a branch"),
                english.body());

        // A field message that Bean Validation checks, written as a key on the wire record.
        String member = "{\"tagName\":\"Ana\",\"position\":\"library-assistant\",\"branch\":\"PINE-HOLLOW\","
                + "\"employmentType\":\"bogus\",\"startsOn\":\"2020-01-01\"}";
        HttpResponse<String> field = staffSendIn("es-US", dee, "tenants/riverbend/staff", member);
        assertProblem(field, 400, "invalid-input");
        assertTrue(field.body().contains("\"detail\":\"1 campo(s) no son aceptables\""), field.body());
        assertTrue(field.body().contains("\"field\":\"employmentType\",\"message\":\"debe ser uno de permanent, substitute, "
                + "volunteer, page, student-assistant\""), field.body());
        HttpResponse<String> fieldInEnglish = staffSend(dee, "POST", "tenants/riverbend/staff", member);
        assertTrue(fieldInEnglish.body().contains("\"message\":\"must be one of permanent, substitute, volunteer, page, "
                + "student-assistant\""), fieldInEnglish.body());
    }

    // ---- planning many shifts at once, and a roster import looked at before it is made ----

    HttpResponse<String> oneOff(String token, String staffId, java.time.LocalDate day, String start, String end) throws Exception {
        return staffSend(token, "POST", "tenants/riverbend/shifts", "{\"staffMemberId\":\"" + staffId + "\",\"branch\":\"PINE-HOLLOW\","
                + "\"servicePoint\":\"circulation\",\"date\":\"" + day + "\",\"start\":\"" + start + "\",\"end\":\"" + end + "\"}");
    }

    static int count(String body, String part) {
        return body.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }

    @Test
    @RunAsClient
    void a_week_of_shifts_is_copied_forward_all_or_nothing_once_and_only_within_the_callers_walls() throws Exception {
        String tag = "Wes " + UUID.randomUUID().toString().substring(0, 6);
        String dee = token("riverbend", "dee");
        String wes = addStaff(dee, tag, null, "library-assistant", "permanent", "PINE-HOLLOW");
        String rosa = token("riverbend", "rosa");
        // A week far ahead, so other tests' shifts are not in it.
        java.time.LocalDate monday = java.time.LocalDate.of(2033, 3, 9)
                .with(java.time.temporal.TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY));
        assertEquals(201, oneOff(rosa, wes, monday.plusDays(1), "09:00", "12:00").statusCode());
        String copy = "{\"branch\":\"PINE-HOLLOW\",\"fromWeek\":\"" + monday + "\",\"toWeek\":\"" + monday.plusWeeks(1) + "\",\"weeks\":2}";
        String copies = "tenants/riverbend/shifts/week-copies";

        // Another branch's person in charge may not copy there; another library system reaches nothing.
        assertProblem(staffSend(token("riverbend", "moss"), "POST", copies, copy), 403, "forbidden");
        String lakeview = token("lakeview-law", "morgan");
        assertProblem(staffSend(lakeview, "POST", copies, copy), 404, "not-found");
        HttpResponse<String> theirs = staffSend(lakeview, "POST", "tenants/lakeview-law/shifts/week-copies", copy.replace("PINE-HOLLOW", "LAW"));
        assertEquals(200, theirs.statusCode(), theirs.body());
        assertEquals("{\"created\":[],\"unchanged\":0}", theirs.body());

        HttpResponse<String> made = staffSend(rosa, "POST", copies, copy);
        assertEquals(200, made.statusCode(), made.body());
        assertEquals(2, count(made.body(), "\"staffMemberId\":\"" + wes + "\""), made.body());
        assertTrue(made.body().contains("\"date\":\"" + monday.plusDays(15) + "\""), made.body());
        assertTrue(made.body().endsWith("\"unchanged\":0}"), made.body());
        // A retry (a lost answer, a double click) makes nothing twice.
        HttpResponse<String> again = staffSend(dee, "POST", copies, copy);
        assertEquals("{\"created\":[],\"unchanged\":2}", again.body());

        // One collision refuses the whole copy, naming the item; nothing of it is stored.
        assertEquals(201, oneOff(dee, wes, monday.plusWeeks(3).plusDays(1), "11:00", "13:00").statusCode());
        String later = "tenants/riverbend/shifts?staffMember=" + wes + "&from=" + monday.plusWeeks(1) + "&to=" + monday.plusWeeks(5);
        String before = staff(dee, later).body();
        HttpResponse<String> refused = staffSend(dee, "POST", copies, copy.replace("\"weeks\":2", "\"weeks\":4"));
        assertProblem(refused, 409, "conflict");
        assertTrue(refused.body().contains("\"field\":\"shifts[" + monday.plusWeeks(3).plusDays(1) + " circulation 09:00-12:00 " + tag + "]\""),
                refused.body());
        assertEquals(before, staff(dee, later).body());
        assertProblem(staffSend(dee, "POST", copies, copy.replace("\"toWeek\":\"" + monday.plusWeeks(1), "\"toWeek\":\"" + monday.plusDays(8))),
                400, "invalid-input");
    }

    HttpResponse<String> postCsv(String token, String path, String csv) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(APP_URL + "/api/" + path))
                .POST(HttpRequest.BodyPublishers.ofString(csv)).header("Content-Type", "text/csv")
                .header("Authorization", "Bearer " + token).header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    @RunAsClient
    void an_import_preview_gives_each_rows_outcome_writes_nothing_and_holds_a_person_in_charge_to_their_branch() throws Exception {
        String dee = token("riverbend", "dee");
        String rosa = token("riverbend", "rosa");
        String marker = UUID.randomUUID().toString().substring(0, 6);
        String csv = "tag_name,username,position,branch,employment_type,starts_on,ends_on\r\n"
                + "Ines " + marker + ",,library-assistant,PINE-HOLLOW,permanent,2024-01-01,\r\n"
                + "Bad " + marker + ",,no-such-position,PINE-HOLLOW,permanent,2024-01-01,\r\n"
                + "Mo " + marker + ",,library-assistant,MOSSY-CREEK,permanent,2024-01-01,\r\n";
        String before = staff(dee, "tenants/riverbend/staff").body();

        HttpResponse<String> asRosa = postCsv(rosa, "tenants/riverbend/staff/import/preview", csv);
        assertEquals(200, asRosa.statusCode(), asRosa.body());
        assertTrue(asRosa.body().startsWith("{\"acceptable\":false"), asRosa.body());
        assertTrue(asRosa.body().contains("{\"row\":2,\"result\":\"ADD\""), asRosa.body());
        assertTrue(asRosa.body().contains("{\"row\":3,\"result\":\"REFUSED\""), asRosa.body());
        assertTrue(asRosa.body().contains("{\"row\":4,\"result\":\"REFUSED\""), asRosa.body());
        assertTrue(asRosa.body().contains("\"field\":\"row 4\""), asRosa.body());
        // The tenant admin may place people anywhere: only the bad position is refused.
        HttpResponse<String> asDee = postCsv(dee, "tenants/riverbend/staff/import/preview", csv);
        assertTrue(asDee.body().contains("{\"row\":4,\"result\":\"ADD\""), asDee.body());
        assertTrue(asDee.body().contains("\"summary\":{\"added\":2,\"changed\":0,\"unchanged\":0}"), asDee.body());
        assertEquals(before, staff(dee, "tenants/riverbend/staff").body());
        // And the import itself still refuses the same file as a whole.
        assertProblem(postCsv(dee, "tenants/riverbend/staff/import", csv), 400, "invalid-input");
        assertEquals(before, staff(dee, "tenants/riverbend/staff").body());

        assertEquals(403, postCsv(token("riverbend", "sam"), "tenants/riverbend/staff/import/preview", csv).statusCode());
        assertProblem(postCsv(token("lakeview-law", "morgan"), "tenants/riverbend/staff/import/preview", csv), 404, "not-found");
    }
}
