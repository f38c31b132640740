package portcullis.tokens;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.Claims;
import portcullis.keys.KeyRing;

/** Signs MicroProfile-JWT tokens with the active signing key. */
@ApplicationScoped
public class TokenIssuer {

    @Inject
    KeyRing keyRing;

    @Inject
    @ConfigProperty(name = "portcullis.tokens.issuer", defaultValue = "http://localhost:8080")
    String issuer;

    @Inject
    @ConfigProperty(name = "portcullis.tokens.lifetime", defaultValue = "P60D")
    Duration lifetime; // ISO-8601; MP Config converts it with Duration.parse

    public String issue(TokenSubject subject) {
        RSAKey key = keyRing.active();
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(subject.subject())
                .claim(Claims.upn.name(), subject.upn())
                .claim(Claims.groups.name(), List.copyOf(subject.groups()))
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(lifetime)))
                .build();
        JWSHeader header = new JWSHeader.Builder(KeyRing.ALGORITHM)
                .type(JOSEObjectType.JWT)
                .keyID(key.getKeyID())
                .build();
        SignedJWT jwt = new SignedJWT(header, claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign with key " + key.getKeyID(), e);
        }
        return jwt.serialize();
    }
}
