package portcullis.tokens;

import portcullis.metrics.Metrics;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.factories.DefaultJWSSignerFactory;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.Claims;
import portcullis.keys.KeyRing;
import portcullis.revocation.RevocationList;

/** Signs MicroProfile-JWT tokens with the active signing key. */
@ApplicationScoped
public class TokenIssuer {
    private static final DefaultJWSSignerFactory SIGNERS = new DefaultJWSSignerFactory();

    @Inject
    KeyRing keyRing;

    @Inject
    Metrics metrics;

    @Inject
    RevocationList revocations;

    @Inject
    @ConfigProperty(name = "portcullis.tokens.issuer")
    String issuer;

    @Inject
    @ConfigProperty(name = "portcullis.tokens.audience")
    Optional<String> audience;

    @Inject
    @ConfigProperty(name = "portcullis.tokens.lifetime")
    Duration lifetime; // ISO-8601; MP Config converts it with Duration.parse

    public IssuedToken issue(TokenSubject subject) {
        JWK key = keyRing.active();
        Instant now = revocations.firstUsableIssueTime(subject.subject());
        String jti = UUID.randomUUID().toString();
        metrics.tokenIssued();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(subject.subject())
                .claim(Claims.upn.name(), subject.upn())
                .claim(Claims.groups.name(), List.copyOf(subject.groups()))
                .jwtID(jti)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(lifetime)));
        audience.ifPresent(claims::audience);
        JWSAlgorithm algorithm = JWSAlgorithm.parse(key.getAlgorithm().getName());
        JWSHeader header = new JWSHeader.Builder(algorithm).type(JOSEObjectType.JWT).keyID(key.getKeyID()).build();
        SignedJWT jwt = new SignedJWT(header, claims.build());
        try {
            jwt.sign(SIGNERS.createJWSSigner(key, algorithm));
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign with key " + key.getKeyID(), e);
        }
        return new IssuedToken(jwt.serialize(), jti);
    }
}
