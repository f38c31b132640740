package portcullis.revocation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * Every token of one subject issued up to a moment is revoked ({@code iat <= revokedThrough}); a disabled subject
 * has all its tokens revoked, past and future. Tokens issued up to {@code outdatedThrough} carry claims that are no
 * longer true (a removed membership): they are good for re-authentication only.
 */
@Entity
@Table(name = "subject_revocations")
@NamedQuery(name = SubjectRevocation.ALL, query = "SELECT s FROM SubjectRevocation s")
@NamedQuery(name = SubjectRevocation.RECORDED_SINCE,
        query = "SELECT s FROM SubjectRevocation s WHERE s.recordedAt >= :since")
@NamedQuery(name = SubjectRevocation.OUTLIVED, query = "DELETE FROM SubjectRevocation s"
        + " WHERE s.disabled = false AND s.revokedThrough < :oldestLiveIssueTime"
        + " AND s.outdatedThrough < :oldestLiveIssueTime")
public class SubjectRevocation {
    static final String ALL = "SubjectRevocation.all";
    static final String RECORDED_SINCE = "SubjectRevocation.recordedSince";
    static final String OUTLIVED = "SubjectRevocation.deleteOutlived";

    @Id
    @Column(length = 64)
    private String subject;

    /** Epoch second: tokens issued in or before this second are revoked. */
    @Column(name = "revoked_through", nullable = false)
    private long revokedThrough;

    /** Epoch second: tokens issued in or before this second have outdated claims. */
    @Column(name = "outdated_through", nullable = false)
    private long outdatedThrough;

    @Column(nullable = false)
    private boolean disabled;

    /** When it last changed: other nodes pick up what was recorded since they last looked. */
    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    protected SubjectRevocation() {
        // for JPA
    }

    SubjectRevocation(String subject) {
        this.subject = subject;
        // Complete from the start: Hibernate (WildFly) inserts the state an entity had when it was persisted, and
        // only then updates it with the changes made after.
        this.recordedAt = Instant.now();
    }

    void revokeThrough(long epochSecond) {
        revokedThrough = Math.max(revokedThrough, epochSecond);
        recordedAt = Instant.now();
    }

    void outdateThrough(long epochSecond) {
        outdatedThrough = Math.max(outdatedThrough, epochSecond);
        recordedAt = Instant.now();
    }

    void disable(boolean value) {
        disabled = value;
        recordedAt = Instant.now();
    }

    String subject() {
        return subject;
    }

    long revokedThrough() {
        return revokedThrough;
    }

    long outdatedThrough() {
        return outdatedThrough;
    }

    boolean disabled() {
        return disabled;
    }
}
