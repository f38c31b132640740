package portcullis.keys;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import jakarta.ejb.EJBException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import java.util.List;
import java.util.logging.Logger;

/**
 * The keys tokens are signed and verified with, held in memory so that verifying a token costs no database round
 * trip. Filled on first use (not at startup: Payara creates the tables only after startup beans have run) and
 * refreshed by {@link KeyRotationSchedule}, which is also how every node of a cluster learns of a rotation.
 */
@ApplicationScoped
public class KeyRing {
    private static final Logger LOG = Logger.getLogger(KeyRing.class.getName());

    @Inject
    SigningKeys signingKeys;

    private volatile Keys keys;

    private record Keys(JWK active, JWKSet published, List<KeyStatus> status) {
    }

    /** The private key new tokens are signed with. */
    public JWK active() {
        return keys().active();
    }

    /** The public keys tokens are accepted from: the next, active and retired-but-unexpired keys. */
    public JWKSet published() {
        return keys().published();
    }

    public List<KeyStatus> status() {
        return keys().status();
    }

    /** Applies the rotation schedule and reloads the keys, as every node does periodically. */
    public synchronized void refresh() {
        keys = load(false);
    }

    /** Starts a rotation now: a new key is published and signs once {@code publish-lead} has passed. */
    public synchronized List<KeyStatus> rotate() {
        keys = load(true);
        return keys.status();
    }

    private Keys keys() {
        Keys current = keys;
        if (current == null) {
            synchronized (this) {
                if (keys == null) {
                    keys = load(false);
                }
                current = keys;
            }
        }
        return current;
    }

    private Keys load(boolean startRotation) {
        try {
            signingKeys.ensureLockExists();
        } catch (PersistenceException | EJBException anotherNodeCreatedIt) {
            LOG.fine("Rotation lock row created concurrently by another node");
        }
        List<StoredKey> stored = signingKeys.maintain(startRotation);
        JWK active = stored.stream()
                .filter(key -> key.status().state() == KeyState.ACTIVE)
                .map(StoredKey::jwk)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("No active signing key"));
        JWKSet published = new JWKSet(stored.stream().map(key -> key.jwk().toPublicJWK()).toList());
        return new Keys(active, published, stored.stream().map(StoredKey::status).toList());
    }
}
