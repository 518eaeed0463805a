package org.servicepoint.tenancy.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A desk of a branch where patrons are served, e.g. the circulation desk or the reference desk. */
@Entity
@Table(name = "service_point")
public class ServicePoint extends BranchPart {

    @Column(nullable = false)
    private String code;

    @Column(nullable = false)
    private String name;

    /** A bookmobile: open at its weekly stops rather than at the branch's hours. */
    @Column(nullable = false)
    private boolean mobile;

    protected ServicePoint() {
    }

    ServicePoint(Branch branch, String code, String name) {
        super(branch);
        if (code == null || !code.matches("^[a-z][a-z0-9-]{0,31}$")) {
            throw new IllegalArgumentException("not a service point code: " + code);
        }
        this.code = code;
        rename(name);
    }

    void rename(String newName) {
        if (newName == null || newName.isBlank()) {
            throw new IllegalArgumentException("a service point needs a name");
        }
        this.name = newName.strip();
    }

    void makeMobile(boolean isMobile) {
        this.mobile = isMobile;
    }

    public String code() { return code; }
    public boolean mobile() { return mobile; }
    public String name() { return name; }
}
