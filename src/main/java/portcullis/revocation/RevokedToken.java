package portcullis.revocation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/** A single revoked token, kept until it would have expired anyway. */
@Entity
@Table(name = "revoked_tokens")
@NamedQuery(name = RevokedToken.IDS, query = "SELECT r.jti FROM RevokedToken r")
@NamedQuery(name = RevokedToken.IDS_RECORDED_SINCE, query = "SELECT r.jti FROM RevokedToken r WHERE r.recordedAt >= :since")
@NamedQuery(name = RevokedToken.EXPIRED, query = "DELETE FROM RevokedToken r WHERE r.expiresAt < :now")
public class RevokedToken {
    static final String IDS = "RevokedToken.ids";
    static final String IDS_RECORDED_SINCE = "RevokedToken.idsRecordedSince";
    static final String EXPIRED = "RevokedToken.deleteExpired";

    @Id
    @Column(length = 64)
    private String jti;

    @Column(nullable = false, length = 64)
    private String subject;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    /** When it was revoked: other nodes pick up what was recorded since they last looked. */
    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    protected RevokedToken() {
        // for JPA
    }

    RevokedToken(String jti, String subject, Instant expiresAt) {
        this.jti = jti;
        this.subject = subject;
        this.expiresAt = expiresAt;
        this.recordedAt = Instant.now();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RevokedToken token && jti.equals(token.jti);
    }

    @Override
    public int hashCode() {
        return Objects.hash(jti);
    }
}
