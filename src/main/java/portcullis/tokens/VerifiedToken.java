package portcullis.tokens;

import com.nimbusds.jwt.JWTClaimsSet;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.Set;
import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** A token whose signature and claims have been checked, seen through the MicroProfile JWT API. */
final class VerifiedToken implements JsonWebToken {
    private final String rawToken;
    private final String keyId;
    private final JWTClaimsSet claims;

    VerifiedToken(String rawToken, String keyId, JWTClaimsSet claims) {
        this.rawToken = rawToken;
        this.keyId = keyId;
        this.claims = claims;
    }

    /** The {@code kid} of the key that signed it. */
    String keyId() {
        return keyId;
    }

    @Override
    public String getName() {
        String upn = getClaim(Claims.upn.name());
        return upn != null ? upn : getSubject();
    }

    @Override
    public Set<String> getClaimNames() {
        Set<String> names = new LinkedHashSet<>(claims.getClaims().keySet());
        names.add(Claims.raw_token.name());
        return names;
    }

    /** Values in the types MicroProfile JWT specifies: times as epoch seconds, {@code aud} and {@code groups} as sets. */
    @Override
    @SuppressWarnings("unchecked")
    public <T> T getClaim(String claimName) {
        if (Claims.raw_token.name().equals(claimName)) {
            return (T) rawToken;
        }
        Object value = claims.getClaim(claimName);
        if (value instanceof Date date) {
            return (T) Long.valueOf(date.getTime() / 1000);
        }
        if (value instanceof Collection<?> values
                && (Claims.groups.name().equals(claimName) || Claims.aud.name().equals(claimName))) {
            return (T) Set.copyOf(values.stream().map(String::valueOf).toList());
        }
        if (value instanceof String single && Claims.aud.name().equals(claimName)) {
            return (T) Set.of(single);
        }
        return (T) value;
    }

    @Override
    public String toString() {
        return "VerifiedToken[jti=" + getTokenID() + ", sub=" + getSubject() + "]"; // never the token itself
    }
}
