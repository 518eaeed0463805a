package org.servicepoint.tenancy.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.UUID;
import org.servicepoint.platform.entity.TenantRow;

/** A rung of a library system's chain of command; rank 1 is the lowest. */
@Entity
@Table(name = "position")
public class Position extends TenantRow {

    @Column(nullable = false, updatable = false)
    private String code;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private int rank;

    /** Permission codes, comma-separated and sorted, e.g. "be-in-charge,handle-complaints". */
    @Column(nullable = false)
    private String permissions = "";

    protected Position() {
    }

    public Position(String code, String name, int rank) {
        super(UUID.randomUUID());
        if (code == null || !code.matches("^[a-z][a-z0-9-]{0,39}$")) {
            throw new IllegalArgumentException("not a position code: " + code);
        }
        this.code = code;
        change(name, rank);
    }

    public void change(String newName, int newRank) {
        if (newName == null || newName.isBlank() || newRank < 1) {
            throw new IllegalArgumentException("a position needs a name and a rank from 1");
        }
        this.name = newName.strip();
        this.rank = newRank;
    }

    public void allow(java.util.List<String> newPermissions) {
        this.permissions = String.join(",", new java.util.TreeSet<>(newPermissions));
    }

    public java.util.List<String> permissions() {
        return permissionsOf(permissions);
    }

    /** The stored column (codes joined by commas) as a list; for queries that read the column alone. */
    public static java.util.List<String> permissionsOf(String stored) {
        return stored == null || stored.isEmpty() ? java.util.List.of() : java.util.List.of(stored.split(","));
    }

    public String code() { return code; }
    public String name() { return name; }
    public int rank() { return rank; }
}
