package portcullis.keys;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.logging.Logger;

/**
 * The keys tokens are signed and verified with, held in memory: loaded from the database once, on first use, so that
 * verifying a token costs no database round trip. (Not at startup: Payara creates the tables only after startup
 * beans have run.)
 */
@ApplicationScoped
public class KeyRing {
    public static final JWSAlgorithm ALGORITHM = JWSAlgorithm.RS256;
    private static final Logger LOG = Logger.getLogger(KeyRing.class.getName());

    @Inject
    SigningKeys signingKeys;

    private volatile Loaded loaded;

    private record Loaded(RSAKey active, JWKSet published) {
    }

    /** The private key new tokens are signed with. */
    public RSAKey active() {
        return loaded().active();
    }

    /** The public keys tokens are accepted from. */
    public JWKSet published() {
        return loaded().published();
    }

    private Loaded loaded() {
        Loaded current = loaded;
        return current != null ? current : load();
    }

    private synchronized Loaded load() {
        if (loaded == null) {
            List<RSAKey> keys = signingKeys.loadOrGenerate();
            loaded = new Loaded(keys.get(0), new JWKSet(keys.stream().<JWK>map(RSAKey::toPublicJWK).toList()));
            LOG.info(() -> "Signing with key " + keys.get(0).getKeyID() + "; " + keys.size() + " key(s) accepted");
        }
        return loaded;
    }
}
