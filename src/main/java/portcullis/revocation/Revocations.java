package portcullis.revocation;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/** Owns the stored revocations. */
@Stateless
public class Revocations {

    @PersistenceContext
    EntityManager em;

    public void revokeToken(String jti, String subject, Instant expiresAt) {
        if (em.find(RevokedToken.class, jti) == null) {
            em.persist(new RevokedToken(jti, subject, expiresAt));
        }
    }

    /** Revokes the subject's tokens issued in or before {@code epochSecond}; answers the subject's state. */
    public SubjectRevocation revokeThrough(String subject, long epochSecond) {
        SubjectRevocation revocation = subjectRevocation(subject);
        revocation.revokeThrough(epochSecond);
        return revocation;
    }

    /** Marks the subject's tokens issued in or before {@code epochSecond} as carrying outdated claims. */
    public SubjectRevocation outdateThrough(String subject, long epochSecond) {
        SubjectRevocation revocation = subjectRevocation(subject);
        revocation.outdateThrough(epochSecond);
        return revocation;
    }

    public SubjectRevocation disable(String subject, boolean disabled, long epochSecond) {
        SubjectRevocation revocation = revokeThrough(subject, epochSecond);
        revocation.disable(disabled);
        return revocation;
    }

    /**
     * The jti of every revoked token, streamed as plain strings: with a million of them, loading entities (and
     * their cache entries) did not fit a 512 MB heap (benchmark P6).
     */
    public Set<String> revokedTokenIds() {
        Set<String> ids = ConcurrentHashMap.newKeySet();
        try (Stream<String> stored = em.createNamedQuery(RevokedToken.IDS, String.class).getResultStream()) {
            stored.forEach(ids::add);
        }
        return ids;
    }

    /** The jti of tokens revoked at or after {@code since}, by any node. */
    public List<String> tokenIdsRecordedSince(Instant since) {
        return em.createNamedQuery(RevokedToken.IDS_RECORDED_SINCE, String.class)
                .setParameter("since", since)
                .getResultList();
    }

    /** Subjects whose revocation changed at or after {@code since}, on any node. */
    public List<SubjectRevocation> subjectRevocationsRecordedSince(Instant since) {
        return em.createNamedQuery(SubjectRevocation.RECORDED_SINCE, SubjectRevocation.class)
                .setParameter("since", since)
                .getResultList();
    }

    public List<SubjectRevocation> subjectRevocations() {
        return em.createNamedQuery(SubjectRevocation.ALL, SubjectRevocation.class).getResultList();
    }

    /**
     * Deletes what no longer matters: revoked tokens past their expiry, and subject revocations older than any token
     * that can still be alive ({@code oldestLiveIssueTime}). Disabled subjects stay.
     */
    public int prune(Instant now, Instant oldestLiveIssueTime) {
        int tokens = em.createNamedQuery(RevokedToken.EXPIRED).setParameter("now", now).executeUpdate();
        int subjects = em.createNamedQuery(SubjectRevocation.OUTLIVED)
                .setParameter("oldestLiveIssueTime", oldestLiveIssueTime.getEpochSecond())
                .executeUpdate();
        return tokens + subjects;
    }

    private SubjectRevocation subjectRevocation(String subject) {
        SubjectRevocation revocation = em.find(SubjectRevocation.class, subject);
        if (revocation == null) {
            revocation = new SubjectRevocation(subject);
            em.persist(revocation);
        }
        return revocation;
    }
}
