package portcullis.throttling;

import jakarta.inject.Inject;
import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Attempt counts per key, each in a fixed window from its first attempt. Kept in the shared database, so that
 * failures spread over the nodes of a cluster count together. Each increment is one short transaction holding the counter's row lock; a first attempt racing another node's first attempt on
 * the same key loses on the primary key and counts again on the row the winner made.
 */
@Stateless
public class AttemptCounters {
    /** Keys hold what clients send (an email); longer ones, and ones with control characters, as their hash. */
    private static final int LONGEST_PLAIN_KEY = 300;

    @Inject
    Clock clock;

    @PersistenceContext
    EntityManager em;

    @Resource
    SessionContext session;

    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Attempts increment(String key, Duration window) {
        AttemptCounters self = session.getBusinessObject(AttemptCounters.class);
        try {
            return self.incrementOnce(storedKey(key), window);
        } catch (FirstAttemptRace lost) {
            return self.incrementOnce(storedKey(key), window);
        }
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Attempts incrementOnce(String storedKey, Duration window) {
        Instant now = clock.instant();
        AttemptCounter counter = em.find(AttemptCounter.class, storedKey, LockModeType.PESSIMISTIC_WRITE);
        if (counter != null) {
            counter.count(now, window);
            return counter.attempts();
        }
        counter = new AttemptCounter(storedKey, now);
        try {
            em.persist(counter);
            em.flush();
        } catch (PersistenceException duplicate) {
            throw new FirstAttemptRace();
        }
        return counter.attempts();
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS) // a read: no transaction of its own
    public Optional<Attempts> current(String key, Duration window) {
        Instant now = clock.instant();
        return Optional.ofNullable(em.find(AttemptCounter.class, storedKey(key)))
                .filter(counter -> !counter.over(window, now))
                .map(AttemptCounter::attempts);
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void reset(String key) {
        em.createNamedQuery(AttemptCounter.RESET).setParameter("key", storedKey(key)).executeUpdate();
    }

    /** Deletes counters idle for longer than any window, so that spraying keys cannot fill the table. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int deleteIdle(Duration longestWindow) {
        return em.createNamedQuery(AttemptCounter.IDLE)
                .setParameter("before", clock.instant().minus(longestWindow))
                .executeUpdate();
    }

    private static String storedKey(String key) {
        if (key.length() <= LONGEST_PLAIN_KEY && key.chars().noneMatch(Character::isISOControl)) {
            return key;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
