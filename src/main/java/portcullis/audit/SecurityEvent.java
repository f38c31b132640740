package portcullis.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/** A stored audit record: what the audit line says, kept for {@code portcullis.audit.retention}. */
@Entity
@Table(name = "audit_events")
@NamedQuery(name = SecurityEvent.OLDER_THAN, query = "DELETE FROM SecurityEvent e WHERE e.recordedAt < :before")
public class SecurityEvent {
    static final String OLDER_THAN = "SecurityEvent.deleteOlderThan";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 40)
    private String kind;

    @Column(nullable = false, length = 200)
    private String outcome;

    @Column(name = "account_id", length = 64)
    private String accountId;

    @Column(name = "actor_id", length = 64)
    private String actorId;

    @Column(length = 45)
    private String address;

    @Column(length = 64)
    private String jti;

    @Column(length = 300)
    private String detail;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    protected SecurityEvent() {
        // for JPA
    }

    SecurityEvent(String kind, String outcome, String accountId, String actorId, String address, String jti,
            String detail, Instant recordedAt) {
        this.kind = kind;
        this.outcome = fit(outcome, 200);
        this.accountId = fit(accountId, 64);
        this.actorId = fit(actorId, 64);
        this.address = fit(address, 45);
        this.jti = fit(jti, 64);
        this.detail = fit(detail, 300);
        this.recordedAt = recordedAt;
    }

    private static String fit(String value, int length) {
        return value == null || value.length() <= length ? value : value.substring(0, length);
    }

    SecurityEventView view() {
        return new SecurityEventView(id, kind, outcome, accountId, actorId, address, jti, detail, recordedAt);
    }
}
