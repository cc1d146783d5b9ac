package org.ludus.lab;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A researcher's REST key ({@link RestKeys}): only its SHA-256 is kept, with the first characters to tell keys
 * apart. A key acts as its owner, with the owner's roles at the time of use.
 */
@Entity
@Table(name = "ludus_rest_key")
@NamedQuery(name = "RestKey.byHash", query = "select k from RestKey k where k.keyHash = :hash")
@NamedQuery(name = "RestKey.ofOwner", query = "select k from RestKey k where k.owner = :owner order by k.createdAt desc, k.id desc")
@NamedQuery(name = "RestKey.all", query = "select k from RestKey k order by k.createdAt desc, k.id desc")
public class RestKey {

    @Id
    @GeneratedValue
    private Long id;

    /** The owner's subject ({@link LabUser}). */
    @Column(nullable = false)
    private String owner;

    @Column(nullable = false, length = 100)
    private String label;

    /** Hex SHA-256 of the key. */
    @Column(name = "key_hash", nullable = false, unique = true, length = 64)
    private String keyHash;

    /** The key's first characters, shown in the list. */
    @Column(name = "key_start", nullable = false, length = 16)
    private String keyStart;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "last_used_at")
    private Instant lastUsedAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    protected RestKey() {
    }

    RestKey(String owner, String label, String keyHash, String keyStart) {
        this.owner = owner;
        this.label = label;
        this.keyHash = keyHash;
        this.keyStart = keyStart;
        this.createdAt = Instant.now();
    }

    public Long getId() {
        return id;
    }

    public String getOwner() {
        return owner;
    }

    public String getLabel() {
        return label;
    }

    public String getKeyStart() {
        return keyStart;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getLastUsedAt() {
        return lastUsedAt;
    }

    void usedAt(Instant at) {
        lastUsedAt = at;
    }

    public Instant getRevokedAt() {
        return revokedAt;
    }

    public boolean isRevoked() {
        return revokedAt != null;
    }

    void revoke(Instant at) {
        if (revokedAt == null) {
            revokedAt = at;
        }
    }
}
