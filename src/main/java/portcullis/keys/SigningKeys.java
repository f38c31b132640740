package portcullis.keys;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Owns the stored signing keys and their rotation: a NEXT key is published for {@code publish-lead} before it becomes
 * ACTIVE, and the key it replaces stays published (RETIRED) until the last token it signed has expired.
 */
@Stateless
public class SigningKeys {
    private static final Logger LOG = Logger.getLogger(SigningKeys.class.getName());
    private static final int RSA_BITS = 2048;

    @Inject
    Clock clock;

    @PersistenceContext
    EntityManager em;

    @Inject
    KeyEncryption encryption;

    @Inject
    @ConfigProperty(name = "portcullis.keys.algorithm")
    String algorithm;

    @Inject
    @ConfigProperty(name = "portcullis.keys.rotation-period")
    Duration rotationPeriod;

    @Inject
    @ConfigProperty(name = "portcullis.keys.publish-lead")
    Duration publishLead;

    @Inject
    @ConfigProperty(name = "portcullis.tokens.lifetime")
    Duration tokenLifetime;

    @Inject
    @ConfigProperty(name = "portcullis.tokens.clock-leeway")
    Duration clockLeeway;

    /**
     * Brings the keys up to date (first key, next key due, promotion, expiry of retired keys) and answers the keys in
     * use, newest first. With {@code startRotation}, a rotation starts now whatever the schedule says. Runs under
     * the cluster-wide rotation lock.
     */
    public List<StoredKey> maintain(boolean startRotation) {
        em.find(RotationLock.class, RotationLock.ID, LockModeType.PESSIMISTIC_WRITE).count();
        Instant now = clock.instant();
        List<SigningKey> keys = em.createNamedQuery(SigningKey.NEWEST_FIRST, SigningKey.class).getResultList();
        Optional<SigningKey> active = inState(keys, KeyState.ACTIVE);
        Optional<SigningKey> next = inState(keys, KeyState.NEXT);
        if (active.isEmpty()) {
            next.ifPresentOrElse(key -> key.activate(now), () -> create(KeyState.ACTIVE, now, now));
        } else if (next.isEmpty() && (startRotation || rotationDue(active.get(), now))) {
            create(KeyState.NEXT, now, now.plus(publishLead));
        } else if (next.isPresent() && next.get().isDueForActivation(now)) {
            active.get().retire(now, now.plus(tokenLifetime).plus(clockLeeway));
            next.get().activate(now);
            LOG.info(() -> "Rotated signing keys: " + next.get() + " now signs, " + active.get() + " retired");
        }
        keys.stream().filter(key -> key.isExpired(now)).forEach(key -> {
            em.remove(key);
            LOG.info(() -> "Removed " + key + ": the last token it signed has expired");
        });
        em.flush();
        return em.createNamedQuery(SigningKey.NEWEST_FIRST, SigningKey.class).getResultStream()
                .map(key -> new StoredKey(key.toJwk(encryption), key.status()))
                .toList();
    }

    /**
     * An emergency: the key with {@code kid} is deleted now, under the rotation lock, so that no node publishes it or
     * accepts its tokens once it has reloaded. If it was signing, the NEXT key (already published, so verifiers
     * elsewhere know it) signs from now on, or a new key when there is none: no publish lead.
     */
    public void retireNow(String kid) {
        em.find(RotationLock.class, RotationLock.ID, LockModeType.PESSIMISTIC_WRITE).count();
        SigningKey leaked = em.find(SigningKey.class, kid);
        if (leaked == null) {
            throw new UnknownKeyException();
        }
        Instant now = clock.instant();
        if (leaked.state() == KeyState.ACTIVE) {
            List<SigningKey> keys = em.createNamedQuery(SigningKey.NEWEST_FIRST, SigningKey.class).getResultList();
            inState(keys, KeyState.NEXT).ifPresentOrElse(next -> next.activate(now), () -> create(KeyState.ACTIVE, now, now));
        }
        em.remove(leaked);
        em.flush();
        LOG.warning(() -> "Retired " + leaked + " at once (emergency): its tokens are refused from now on");
    }

    /** The kid of every stored key: cheap enough to ask several times a second. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS) // a read: no transaction of its own
    public List<String> storedKids() {
        return em.createNamedQuery(SigningKey.KIDS, String.class).getResultList();
    }

    /** Creates the lock row on the very first start; a no-op when it exists. */
    public void ensureLockExists() {
        if (em.find(RotationLock.class, RotationLock.ID) == null) {
            em.persist(new RotationLock(RotationLock.ID));
            em.flush();
        }
    }

    private boolean rotationDue(SigningKey active, Instant now) {
        // The next key is published publish-lead before the active one has served its rotation period.
        return !now.isBefore(active.activatesAt().plus(rotationPeriod).minus(publishLead));
    }

    private static Optional<SigningKey> inState(List<SigningKey> keys, KeyState state) {
        return keys.stream().filter(key -> key.state() == state).findFirst();
    }

    private void create(KeyState state, Instant now, Instant activatesAt) {
        SigningKey key = new SigningKey(generate(JWSAlgorithm.parse(algorithm)), state, now, activatesAt, encryption);
        em.persist(key);
        LOG.info(() -> "Generated " + key + ", signing from " + activatesAt);
    }

    private static JWK generate(JWSAlgorithm alg) {
        try {
            if (JWSAlgorithm.RS256.equals(alg)) {
                return new RSAKeyGenerator(RSA_BITS).keyUse(KeyUse.SIGNATURE).algorithm(alg)
                        .keyIDFromThumbprint(true).generate();
            }
            if (JWSAlgorithm.ES256.equals(alg)) {
                return new ECKeyGenerator(Curve.P_256).keyUse(KeyUse.SIGNATURE).algorithm(alg)
                        .keyIDFromThumbprint(true).generate();
            }
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot generate a " + alg + " signing key", e);
        }
        throw new IllegalStateException("portcullis.keys.algorithm must be RS256 or ES256, is " + alg);
    }
}
