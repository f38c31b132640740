package portcullis.keys;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.logging.Logger;

/** Owns the stored signing keys. */
@Stateless
public class SigningKeys {
    private static final int RSA_BITS = 2048;
    private static final Logger LOG = Logger.getLogger(SigningKeys.class.getName());

    @PersistenceContext
    EntityManager em;

    /** The stored keys, newest first; on the very first start, one freshly generated and stored key. */
    public List<RSAKey> loadOrGenerate() {
        List<SigningKey> stored = em.createNamedQuery(SigningKey.NEWEST_FIRST, SigningKey.class).getResultList();
        if (stored.isEmpty()) {
            return List.of(generate());
        }
        return stored.stream().map(SigningKey::toJwk).toList();
    }

    private RSAKey generate() {
        try {
            RSAKey key = new RSAKeyGenerator(RSA_BITS)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(KeyRing.ALGORITHM)
                    .keyIDFromThumbprint(true)
                    .generate();
            em.persist(new SigningKey(key));
            LOG.info(() -> "Generated signing key " + key.getKeyID());
            return key;
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot generate an RSA signing key", e);
        }
    }
}
