package portcullis.sessions;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/** One issued token, until it expires: never the token itself, only its {@code jti}. */
@Entity
@Table(name = "sessions")
@NamedQuery(name = Session.LIVE_OF, query = "SELECT s FROM Session s WHERE s.accountId = :account"
        + " AND s.expiresAt > :now ORDER BY s.issuedAt DESC, s.jti")
@NamedQuery(name = Session.OF_INTEGRATION, query = "SELECT s FROM Session s WHERE s.integration = :integration"
        + " AND s.expiresAt > :now")
@NamedQuery(name = Session.OF_ACCOUNT_AND_INTEGRATION, query = "SELECT s FROM Session s"
        + " WHERE s.integration = :integration AND s.accountId = :account AND s.expiresAt > :now")
@NamedQuery(name = Session.EXPIRED, query = "DELETE FROM Session s WHERE s.expiresAt < :now")
public class Session {
    static final String LIVE_OF = "Session.liveOf";
    static final String OF_INTEGRATION = "Session.ofIntegration";
    static final String OF_ACCOUNT_AND_INTEGRATION = "Session.ofAccountAndIntegration";
    static final String EXPIRED = "Session.deleteExpired";

    @Id
    @Column(length = 64)
    private String jti;

    @Column(name = "account_id", nullable = false)
    private long accountId;

    @Column(nullable = false, length = 20)
    private String kind;

    @Column(length = 64)
    private String integration;

    @Column(name = "issued_at", nullable = false)
    private Instant issuedAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(length = 45)
    private String address;

    @Column(name = "user_agent", length = 256)
    private String userAgent;

    protected Session() {
        // for JPA
    }

    Session(String jti, long accountId, String kind, String integration, Instant issuedAt, Instant expiresAt,
            String address, String userAgent) {
        this.jti = jti;
        this.accountId = accountId;
        this.kind = kind;
        this.integration = integration;
        this.issuedAt = issuedAt.truncatedTo(ChronoUnit.MILLIS);
        this.expiresAt = expiresAt.truncatedTo(ChronoUnit.MILLIS);
        this.address = address;
        this.userAgent = userAgent;
    }

    String jti() {
        return jti;
    }

    long accountId() {
        return accountId;
    }

    String kind() {
        return kind;
    }

    String integration() {
        return integration;
    }

    Instant issuedAt() {
        return issuedAt;
    }

    Instant expiresAt() {
        return expiresAt;
    }

    String address() {
        return address;
    }

    String userAgent() {
        return userAgent;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Session session && jti.equals(session.jti);
    }

    @Override
    public int hashCode() {
        return Objects.hash(jti);
    }
}
