package portcullis.federation;

import com.nimbusds.jwt.JWTClaimsSet;
import java.time.Instant;

/**
 * A provider's token whose signature and claims were checked: who issued it, its claims, the key it is remembered
 * by against replay, and until when it is valid.
 */
record ProviderToken(Provider provider, String headerType, JWTClaimsSet claims, String replayKey,
        Instant expiresAt) {
}
