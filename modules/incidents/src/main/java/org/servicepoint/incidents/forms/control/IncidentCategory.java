package org.servicepoint.incidents.forms.control;

import java.util.Optional;
import org.servicepoint.platform.entity.WireNames;

/**
 * The kinds of incident a form may offer. Fixed in code so that reports of every library system can be counted
 * alike at headquarters and across tenants; each form chooses which it offers, their titles and their rules.
 */
public enum IncidentCategory {
    ACCIDENT_INJURY("Accident or injury"),
    THEFT("Theft"),
    VANDALISM("Vandalism"),
    BREAK_IN("Break-in"),
    PHYSICAL_ALTERCATION("Physical altercation"),
    MISSING_PERSON("Missing person"),
    THREAT_OF_HARM("Threat of harm"),
    ANGRY_PATRON("Angry patron"),
    ABUSIVE_BEHAVIOUR("Abusive behaviour"),
    COMPUTER_USE_BAN("Computer-use ban"),
    OTHER("Other incident");

    private final String title;

    IncidentCategory(String title) {
        this.title = title;
    }

    /** As form files, reports and counts spell it: {@code accident-injury}. */
    public String code() { return WireNames.of(this); }
    public String title() { return title; }

    public static Optional<IncidentCategory> ofCode(String code) {
        return WireNames.parse(IncidentCategory.class, code);
    }
}
