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

    /** Revoked jti; subject → revoked through (epoch second), {@link Long#MAX_VALUE} when disabled. */
    private record Snapshot(Set<String> tokens, Map<String, Long> subjects) {
    }

    public boolean isRevoked(String jti, String subject, long issuedAt) {
        Snapshot current = snapshot();
        Long revokedThrough = current.subjects().get(subject);
        return current.tokens().contains(jti) || (revokedThrough != null && issuedAt <= revokedThrough);
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

    public synchronized void disable(String subject, boolean disabled) {
        remember(revocations.disable(subject, disabled, Instant.now().getEpochSecond()));
        if (disabled) {
            metrics.revocation("disable");
        }
        LOG.info(() -> (disabled ? "Disabled" : "Enabled") + " subject " + subject);
    }

    /**
     * When a new token for the subject may be issued: now, or, right after its tokens were revoked, the start of the
     * next second. {@code iat} counts whole seconds, and a token born in the second of a revocation would be revoked.
     */
    public Instant firstUsableIssueTime(String subject) {
        Long revokedThrough = snapshot().subjects().get(subject);
        Instant now = Instant.now();
        if (revokedThrough == null || revokedThrough == Long.MAX_VALUE || now.getEpochSecond() > revokedThrough) {
            return now;
        }
        Instant usable = Instant.ofEpochSecond(revokedThrough + 1);
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
        snapshot().subjects().put(revocation.subject(),
                revocation.disabled() ? Long.MAX_VALUE : revocation.revokedThrough());
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
        Map<String, Long> subjects = new ConcurrentHashMap<>();
        revocations.subjectRevocations().forEach(subject -> subjects.put(subject.subject(),
                subject.disabled() ? Long.MAX_VALUE : subject.revokedThrough()));
        return new Snapshot(tokens, subjects);
    }
}
