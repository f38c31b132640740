package portcullis.tokens;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tokens whose signature, header and claims have already been checked, by their compact form, so that a client
 * presenting the same token again costs a hash lookup instead of a signature check and two JSON parses (benchmark
 * P2). Only what cannot change is cached: the caller still checks expiry and revocation on every request. Bounded:
 * when full it starts afresh, which costs one signature check per token in use.
 */
final class VerifiedTokenCache {
    private final int capacity;
    private final Map<String, VerifiedToken> tokens = new ConcurrentHashMap<>();

    VerifiedTokenCache(int capacity) {
        this.capacity = capacity;
    }

    Optional<VerifiedToken> get(String token) {
        return Optional.ofNullable(tokens.get(token));
    }

    void forget(String token) {
        tokens.remove(token);
    }

    void put(String token, VerifiedToken verified) {
        if (tokens.size() >= capacity) {
            tokens.clear();
        }
        tokens.put(token, verified);
    }
}
