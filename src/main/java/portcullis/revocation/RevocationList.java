package portcullis.revocation;

import portcullis.metrics.Metrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Revocations held in memory, so that the check on every request is two hash lookups and no database round trip.
 * Written through to {@link Revocations}; loaded from it on first use, kept up with other nodes' revocations by
 * {@link RevocationSync} and reloaded by {@link RevocationSchedule}. Writers, catch-up and reload share one lock, so
 * a revocation is never lost between the store and the memory.
 */
@ApplicationScoped
public class RevocationList {
    private static final Logger LOG = Logger.getLogger(RevocationList.class.getName());

    @Inject
    Revocations revocations;

    @Inject
    Metrics metrics;

    @Inject
    @ConfigProperty(name = "portcullis.tokens.lifetime")
    Duration tokenLifetime;

    @Inject
    @ConfigProperty(name = "portcullis.tokens.clock-leeway")
    Duration clockLeeway;

    /**
     * How far before the last catch-up each catch-up looks again: a revocation stamped before that catch-up but
     * committed after it (a slow transaction on another node) is still seen. Re-reading is harmless.
     */
    private static final Duration OVERLAP = Duration.ofSeconds(5);

    private volatile Snapshot snapshot;
    private Instant caughtUpTo;

    /** Revoked jti; subject → what is revoked or outdated of its tokens. */
    private record Snapshot(Set<String> tokens, Map<String, SubjectState> subjects) {
    }

    /** Epoch seconds up to which the subject's tokens are revoked or outdated; a disabled subject's are all revoked. */
    private record SubjectState(long revokedThrough, long outdatedThrough, boolean disabled) {
        static SubjectState of(SubjectRevocation stored) {
            return new SubjectState(stored.revokedThrough(), stored.outdatedThrough(), stored.disabled());
        }

        /**
         * The two times only ever grow, so the later of what is known wins: a catch-up that read a row before another
         * transaction on this node committed its change must not take that change back. Disabled is as last read.
         */
        SubjectState merge(SubjectState newer) {
            return new SubjectState(Math.max(revokedThrough, newer.revokedThrough),
                    Math.max(outdatedThrough, newer.outdatedThrough), newer.disabled);
        }

        long lastTouched() {
            return Math.max(revokedThrough, outdatedThrough);
        }
    }

    public boolean isRevoked(String jti, String subject, long issuedAt) {
        return standing(jti, subject, issuedAt) == TokenStanding.REVOKED;
    }

    public TokenStanding standing(String jti, String subject, long issuedAt) {
        Snapshot current = snapshot();
        if (current.tokens().contains(jti)) {
            return TokenStanding.REVOKED;
        }
        SubjectState state = current.subjects().get(subject);
        if (state == null) {
            return TokenStanding.VALID;
        }
        if (state.disabled() || issuedAt <= state.revokedThrough()) {
            return TokenStanding.REVOKED;
        }
        return issuedAt <= state.outdatedThrough() ? TokenStanding.OUTDATED : TokenStanding.VALID;
    }

    public synchronized void revokeToken(String jti, String subject, Instant expiresAt) {
        revocations.revokeToken(jti, subject, expiresAt);
        snapshot().tokens().add(jti);
        metrics.revocation("token");
        LOG.info(() -> "Revoked token " + jti + " of subject " + subject);
    }

    /** Revokes every token of the subject issued up to now (in or before this second). */
    public synchronized void revokeAllOf(String subject) {
        remember(revocations.revokeThrough(subject, Instant.now().getEpochSecond()));
        metrics.revocation("subject");
        LOG.info(() -> "Revoked all tokens of subject " + subject);
    }

    /** Revokes every token of the subject issued before {@code issuedAt}'s second (those of that second live on). */
    public synchronized void revokeIssuedBefore(String subject, long issuedAt) {
        remember(revocations.revokeThrough(subject, issuedAt - 1));
        metrics.revocation("subject");
        LOG.info(() -> "Revoked the tokens of subject " + subject + " issued before " + issuedAt);
    }

    /**
     * Marks every token of the subject issued up to now as carrying outdated claims: refused everywhere but at
     * re-authentication, which answers a fresh one.
     */
    public synchronized void outdateAllOf(String subject) {
        remember(revocations.outdateThrough(subject, Instant.now().getEpochSecond()));
        metrics.revocation("outdated");
        LOG.info(() -> "Outdated the tokens of subject " + subject);
    }

    public synchronized void disable(String subject, boolean disabled) {
        remember(revocations.disable(subject, disabled, Instant.now().getEpochSecond()));
        if (disabled) {
            metrics.revocation("disable");
        }
        LOG.info(() -> (disabled ? "Disabled" : "Enabled") + " subject " + subject);
    }

    /**
     * When a new token for the subject may be issued: now, or, right after its tokens were revoked or outdated, the
     * start of the next second. {@code iat} counts whole seconds, and a token born in the second of a revocation
     * would be revoked.
     */
    public Instant firstUsableIssueTime(String subject) {
        SubjectState state = snapshot().subjects().get(subject);
        Instant now = Instant.now();
        if (state == null || state.disabled() || now.getEpochSecond() > state.lastTouched()) {
            return now;
        }
        Instant usable = Instant.ofEpochSecond(state.lastTouched() + 1);
        try {
            Thread.sleep(Duration.between(now, usable).toMillis() + 1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting to issue a token", e);
        }
        return Instant.now();
    }

    /** Deletes expired revocations and reloads the list from the store (picking up other nodes' revocations). */
    public synchronized void pruneAndReload() {
        Instant now = Instant.now();
        int pruned = revocations.prune(now, now.minus(tokenLifetime).minus(clockLeeway));
        snapshot = load();
        LOG.fine(() -> "Pruned " + pruned + " revocations; " + snapshot.tokens().size() + " tokens revoked");
    }

    /** Adds what any node revoked since the last catch-up. */
    public synchronized void catchUp() {
        Snapshot current = snapshot();
        Instant started = Instant.now();
        Instant since = caughtUpTo.minus(OVERLAP);
        current.tokens().addAll(revocations.tokenIdsRecordedSince(since));
        revocations.subjectRevocationsRecordedSince(since).forEach(this::remember);
        caughtUpTo = started;
    }

    private void remember(SubjectRevocation revocation) {
        snapshot().subjects().merge(revocation.subject(), SubjectState.of(revocation), SubjectState::merge);
    }

    private Snapshot snapshot() {
        Snapshot current = snapshot;
        if (current == null) {
            synchronized (this) {
                if (snapshot == null) {
                    snapshot = load();
                }
                current = snapshot;
            }
        }
        return current;
    }

    private Snapshot load() {
        caughtUpTo = Instant.now();
        Set<String> tokens = revocations.revokedTokenIds();
        Map<String, SubjectState> subjects = new ConcurrentHashMap<>();
        revocations.subjectRevocations().forEach(subject -> subjects.put(subject.subject(), SubjectState.of(subject)));
        return new Snapshot(tokens, subjects);
    }
}
