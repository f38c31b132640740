package portcullis.revocation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * Every token of one subject issued up to a moment is revoked ({@code iat <= revokedThrough}); a disabled subject
 * has all its tokens revoked, past and future.
 */
@Entity
@Table(name = "subject_revocations")
@NamedQuery(name = SubjectRevocation.ALL, query = "SELECT s FROM SubjectRevocation s")
@NamedQuery(name = SubjectRevocation.OUTLIVED, query = "DELETE FROM SubjectRevocation s"
        + " WHERE s.disabled = false AND s.revokedThrough < :oldestLiveIssueTime")
public class SubjectRevocation {
    static final String ALL = "SubjectRevocation.all";
    static final String OUTLIVED = "SubjectRevocation.deleteOutlived";

    @Id
    @Column(length = 64)
    private String subject;

    /** Epoch second: tokens issued in or before this second are revoked. */
    @Column(name = "revoked_through", nullable = false)
    private long revokedThrough;

    @Column(nullable = false)
    private boolean disabled;

    protected SubjectRevocation() {
        // for JPA
    }

    SubjectRevocation(String subject) {
        this.subject = subject;
    }

    void revokeThrough(long epochSecond) {
        revokedThrough = Math.max(revokedThrough, epochSecond);
    }

    void disable(boolean value) {
        disabled = value;
    }

    String subject() {
        return subject;
    }

    long revokedThrough() {
        return revokedThrough;
    }

    boolean disabled() {
        return disabled;
    }
}
