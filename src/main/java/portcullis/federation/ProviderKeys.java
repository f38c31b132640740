package portcullis.federation;

import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * The providers' published signing keys, kept per node. Fetched at the first exchange, again when older than
 * {@code keys-max-age}, and again for a {@code kid} not among them (the provider rotated its keys) — but never more
 * than once per {@code key-refresh-interval}, whatever tokens arrive, so forged {@code kid}s cannot make Portcullis
 * hammer the provider. One fetch at a time per provider; exchanges wait for it rather than fetch alongside.
 */
@ApplicationScoped
class ProviderKeys {
    private static final Logger LOG = Logger.getLogger(ProviderKeys.class.getName());

    @Inject
    FederationSettings settings;

    @Inject
    ProviderDocuments documents;

    private final Map<String, Published> published = new ConcurrentHashMap<>();

    /** What was fetched last: the keys (none before the first success), when, and whether the last try failed. */
    private static final class Published {
        JWKSet keys;
        Instant fetchedAt = Instant.MIN;
        Instant triedAt = Instant.MIN;
        boolean lastTryFailed;
    }

    /**
     * The provider's signing keys that may have signed a token with this header: its {@code kid} (or, without one,
     * any), a signing key of the header's algorithm. None means the provider does not publish such a key; 503 when
     * the provider's keys cannot be had.
     */
    List<JWK> candidates(Provider provider, JWSHeader header) {
        Published keys = published.computeIfAbsent(provider.name(), name -> new Published());
        synchronized (keys) {
            Instant now = Instant.now();
            if (keys.keys == null || keys.fetchedAt.plus(settings.keysMaxAge()).isBefore(now)) {
                refresh(provider, keys, now);
            }
            List<JWK> matching = matching(keys.keys, header);
            if (matching.isEmpty() && header.getKeyID() != null && mayTry(keys, now)) {
                LOG.info(() -> "Identity provider " + provider.name() + ": unknown key " + header.getKeyID()
                        + ", fetching its keys again");
                fetch(provider, keys, now);
                matching = matching(keys.keys, header);
            }
            if (header.getKeyID() == null && matching.size() > 1) {
                return List.of(); // no kid: only a provider with one key for the algorithm says which key it is
            }
            return matching;
        }
    }

    /** Fetches if allowed now; otherwise, without usable keys, answers as the last try did. */
    private void refresh(Provider provider, Published keys, Instant now) {
        if (mayTry(keys, now)) {
            fetch(provider, keys, now);
        } else if (keys.lastTryFailed) {
            throw ProviderUnavailableException.stillDown();
        }
    }

    private boolean mayTry(Published keys, Instant now) {
        return !keys.triedAt.plus(settings.keyRefreshInterval()).isAfter(now);
    }

    private void fetch(Provider provider, Published keys, Instant now) {
        keys.triedAt = now;
        try {
            keys.keys = documents.keys(provider);
            keys.fetchedAt = now;
            keys.lastTryFailed = false;
        } catch (ProviderUnavailableException down) {
            keys.lastTryFailed = true;
            throw down;
        }
    }

    private static List<JWK> matching(JWKSet keys, JWSHeader header) {
        // Only keys for signatures (use absent or "sig"), of the header's algorithm's key type, whose own "alg", if
        // any, is the header's: an encryption key or a key meant for another algorithm never checks a signature.
        JWKMatcher matcher = new JWKMatcher.Builder()
                .keyType(com.nimbusds.jose.jwk.KeyType.forAlgorithm(header.getAlgorithm()))
                .keyID(header.getKeyID())
                .keyUses(KeyUse.SIGNATURE, null)
                .algorithms(header.getAlgorithm(), null)
                .build();
        return new JWKSelector(matcher).select(keys);
    }
}
