package org.servicepoint.staffing.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.util.UUID;
import org.servicepoint.platform.entity.RowTimes;
import org.servicepoint.platform.entity.TenantRow;

/**
 * A person on a library system's roster. The tag name is the one on their name tag: chosen by them, it may
 * differ from their legal name, and it is the only name the application shows patrons-facing.
 */
@Entity
@Table(name = "staff_member")
public class StaffMember extends TenantRow {

    /** Single sign-on username in the library system's realm; null for people who never sign in. */
    private String username;

    @Column(name = "tag_name", nullable = false)
    private String tagName;

    @Column(name = "position_code", nullable = false)
    private String positionCode;

    @Column(name = "branch_code", nullable = false)
    private String branchCode;

    @Enumerated(EnumType.STRING)
    @Column(name = "employment_type", nullable = false)
    private EmploymentType employmentType;

    @Column(name = "starts_on", nullable = false)
    private LocalDate startsOn;

    @Column(name = "ends_on")
    private LocalDate endsOn;

    @Embedded
    private RowTimes times;

    @Column(name = "email")
    private String email;

    /** Has an account in the library system's realm (then a username is required: a check in the table says so). */
    @Column(name = "may_sign_in", nullable = false)
    private boolean maySignIn;

    /** The account was disabled because the entry ended; cleared when the entry is open again. */
    @Column(name = "account_closed", nullable = false)
    private boolean accountClosed;

    @Version
    private long version;

    protected StaffMember() {
    }

    public StaffMember(String tagName, String positionCode, String branchCode, EmploymentType employmentType,
                       LocalDate startsOn, LocalDate endsOn, String username) {
        this(tagName, positionCode, branchCode, employmentType, startsOn, endsOn, username, null);
    }

    public StaffMember(String tagName, String positionCode, String branchCode, EmploymentType employmentType,
                       LocalDate startsOn, LocalDate endsOn, String username, String email) {
        super(UUID.randomUUID());
        this.times = RowTimes.now();
        change(tagName, positionCode, branchCode, employmentType, startsOn, endsOn, username);
        this.email = email;
    }

    /** The work address incident reports are mailed to; checked by the roster's rules. */
    public void changeEmail(String newEmail) {
        this.email = newEmail == null || newEmail.isBlank() ? null : newEmail.strip();
        this.times = times.touched();
    }

    public String email() { return email; }

    /** Whether the person signs in; checked by the roster's rules (a username is needed). */
    public void allowSignIn(boolean may) {
        if (may && username == null) {
            throw new IllegalArgumentException("signing in needs a username");
        }
        if (may != maySignIn) {
            this.maySignIn = may;
            this.times = times.touched();
        }
    }

    /** The account is disabled (true) or in use again (false). */
    public void markAccountClosed(boolean closed) {
        this.accountClosed = closed;
    }

    public boolean maySignIn() { return maySignIn; }
    public boolean accountClosed() { return accountClosed; }

    /** Position and branch codes are checked against the library system by the control that calls this. */
    public void change(String newTagName, String newPositionCode, String newBranchCode, EmploymentType newType,
                       LocalDate newStartsOn, LocalDate newEndsOn, String newUsername) {
        // Code points, as PostgreSQL counts varchar(60): a name in a non-Latin script is not cut short.
        if (newTagName == null || newTagName.isBlank() || newTagName.strip().codePointCount(0, newTagName.strip().length()) > 60) {
            throw new IllegalArgumentException("a tag name of 1 to 60 characters is required");
        }
        if (newPositionCode == null || newBranchCode == null || newType == null || newStartsOn == null) {
            throw new IllegalArgumentException("position, branch, employment type and start date are required");
        }
        if (newEndsOn != null && newEndsOn.isBefore(newStartsOn)) {
            throw new IllegalArgumentException("the end date is before the start date");
        }
        this.tagName = newTagName.strip();
        this.positionCode = newPositionCode;
        this.branchCode = newBranchCode;
        this.employmentType = newType;
        this.startsOn = newStartsOn;
        this.endsOn = newEndsOn;
        this.username = newUsername == null || newUsername.isBlank() ? null : newUsername.strip();
        this.times = times.touched();
    }

    /** The last day on the roster; a date in the future plans a departure. */
    public void end(LocalDate lastDay) {
        if (lastDay == null || lastDay.isBefore(startsOn)) {
            throw new IllegalArgumentException("the end date must be on or after the start date");
        }
        this.endsOn = lastDay;
        this.times = times.touched();
    }

    /** On the roster that day: started, and not yet left. */
    public boolean activeOn(LocalDate day) {
        return !day.isBefore(startsOn) && (endsOn == null || !day.isAfter(endsOn));
    }

    public String username() { return username; }
    public String tagName() { return tagName; }
    public String positionCode() { return positionCode; }
    public String branchCode() { return branchCode; }
    public EmploymentType employmentType() { return employmentType; }
    public LocalDate startsOn() { return startsOn; }
    public LocalDate endsOn() { return endsOn; }
    public long version() { return version; }
}
