package org.servicepoint.incidents.forms.control;

import java.util.Arrays;
import java.util.Optional;

/**
 * The kinds of incident a form may offer. Fixed in code so that reports of every library system can be counted
 * alike at headquarters and across tenants; each form chooses which it offers, their titles and their rules.
 */
public enum IncidentCategory {
    ACCIDENT_INJURY("accident-injury", "Accident or injury"),
    THEFT("theft", "Theft"),
    VANDALISM("vandalism", "Vandalism"),
    BREAK_IN("break-in", "Break-in"),
    PHYSICAL_ALTERCATION("physical-altercation", "Physical altercation"),
    MISSING_PERSON("missing-person", "Missing person"),
    THREAT_OF_HARM("threat-of-harm", "Threat of harm"),
    ANGRY_PATRON("angry-patron", "Angry patron"),
    ABUSIVE_BEHAVIOUR("abusive-behaviour", "Abusive behaviour"),
    COMPUTER_USE_BAN("computer-use-ban", "Computer-use ban"),
    OTHER("other", "Other incident");

    private final String code;
    private final String title;

    IncidentCategory(String code, String title) {
        this.code = code;
        this.title = title;
    }

    public String code() { return code; }
    public String title() { return title; }

    public static Optional<IncidentCategory> ofCode(String code) {
        return Arrays.stream(values()).filter(c -> c.code.equals(code)).findFirst();
    }
}
