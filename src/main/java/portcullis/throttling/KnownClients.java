package portcullis.throttling;

import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The (account, client address) pairs that logged in successfully within
 * {@code portcullis.throttling.known-client-window}: such a pair is not held back by the per-address limit (failures of others on a shared address), only by the
 * per-account one. Kept in the database, so that every node of a cluster knows them.
 */
@Stateless
public class KnownClients {

    @Inject
    Clock clock;

    @PersistenceContext
    EntityManager em;

    @Resource
    SessionContext session;

    @Inject
    @ConfigProperty(name = "portcullis.throttling.known-client-window")
    Duration window;

    @TransactionAttribute(TransactionAttributeType.SUPPORTS) // a read: no transaction of its own
    public boolean isKnown(String account, String address) {
        KnownClient client = em.find(KnownClient.class, key(account, address));
        return client != null && client.succeededSince(clock.instant().minus(window));
    }

    /**
     * Renewed at most once every thirtieth of the window (a day, with the default 30 days): the window loses nothing
     * that matters by it, and most logins then cost a read here instead of a write.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void remember(String account, String address) {
        KnownClient known = em.find(KnownClient.class, key(account, address));
        if (known != null && known.succeededSince(clock.instant().minus(window.dividedBy(30)))) {
            return;
        }
        KnownClients self = session.getBusinessObject(KnownClients.class);
        try {
            self.store(key(account, address));
        } catch (FirstAttemptRace anotherNodeStoredIt) {
            self.store(key(account, address));
        }
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void store(String key) {
        Instant now = clock.instant();
        KnownClient client = em.find(KnownClient.class, key);
        if (client != null) {
            client.succeeded(now);
            return;
        }
        try {
            em.persist(new KnownClient(key, now));
            em.flush();
        } catch (PersistenceException duplicate) {
            throw new FirstAttemptRace();
        }
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int forgetStale() {
        return em.createNamedQuery(KnownClient.FORGOTTEN)
                .setParameter("before", clock.instant().minus(window))
                .executeUpdate();
    }

    /** A hash, so that the table does not list who logs in from where. */
    private static String key(String account, String address) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((account + "\n" + address).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
