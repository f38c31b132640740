package portcullis.keys;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import jakarta.ejb.EJBException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * The keys tokens are signed and verified with, held in memory so that verifying a token costs no database round
 * trip. Filled on first use, refreshed by {@link KeyRotationSchedule} (how every node of a cluster learns of a
 * rotation) and, when the stored keys change, by {@link KeyRingSync} (how it learns of an emergency retirement).
 */
@ApplicationScoped
public class KeyRing {
    private static final Logger LOG = Logger.getLogger(KeyRing.class.getName());

    @Inject
    SigningKeys signingKeys;

    private volatile Keys keys;

    private record Keys(JWK active, JWKSet published, Set<String> publishedKids, List<KeyStatus> status) {
    }

    /** The private key new tokens are signed with. */
    public JWK active() {
        return keys().active();
    }

    /** The public keys tokens are accepted from: the next, active and retired-but-unexpired keys. */
    public JWKSet published() {
        return keys().published();
    }

    /** Whether tokens signed by {@code kid} are still accepted: a key retired in an emergency is not. */
    public boolean publishes(String kid) {
        return keys().publishedKids().contains(kid);
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

    /** Retires a leaked key now (see {@link SigningKeys#retireNow}) and reloads. */
    public synchronized List<KeyStatus> retireNow(String kid) {
        signingKeys.retireNow(kid);
        keys = load(false);
        return keys.status();
    }

    /** Reloads when the stored keys are not the ones in memory: how other nodes learn of an emergency at once. */
    public void refreshIfChanged() {
        Set<String> stored = Set.copyOf(signingKeys.storedKids());
        if (!stored.equals(keys().publishedKids())) {
            refresh();
        }
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
        Set<String> kids = stored.stream().map(key -> key.jwk().getKeyID()).collect(Collectors.toUnmodifiableSet());
        return new Keys(active, published, kids, stored.stream().map(StoredKey::status).toList());
    }
}
