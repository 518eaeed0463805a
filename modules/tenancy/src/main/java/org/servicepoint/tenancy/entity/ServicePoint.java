package org.servicepoint.tenancy.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.UUID;
import org.servicepoint.platform.entity.TenantOwned;

/** A desk of a branch where patrons are served, e.g. the circulation desk or the reference desk. */
@Entity
@Table(name = "service_point")
public class ServicePoint extends TenantOwned {

    @Id
    private UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "branch_id", nullable = false)
    private Branch branch;

    @Column(nullable = false)
    private String code;

    @Column(nullable = false)
    private String name;

    protected ServicePoint() {
    }

    ServicePoint(Branch branch, String code, String name) {
        if (code == null || !code.matches("^[a-z][a-z0-9-]{0,31}$")) {
            throw new IllegalArgumentException("not a service point code: " + code);
        }
        this.id = UUID.randomUUID();
        this.branch = branch;
        this.code = code;
        rename(name);
    }

    void rename(String newName) {
        if (newName == null || newName.isBlank()) {
            throw new IllegalArgumentException("a service point needs a name");
        }
        this.name = newName.strip();
    }

    public UUID id() { return id; }
    public String code() { return code; }
    public String name() { return name; }
}
