package portcullis.tokens;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.factories.DefaultJWSSignerFactory;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.Claims;
import portcullis.keys.KeyRing;
import portcullis.metrics.Metrics;
import portcullis.revocation.RevocationList;

/**
 * Signs MicroProfile-JWT tokens with the active signing key. A user's own tokens have the configured audience; an
 * integration token has the service as its only audience and as its authorised party ({@code azp}), which is how the
 * verifier tells the two apart.
 */
@ApplicationScoped
public class TokenIssuer {
    /** The claim naming the service an integration token was issued to. */
    public static final String AUTHORISED_PARTY = "azp";
    private static final DefaultJWSSignerFactory SIGNERS = new DefaultJWSSignerFactory();
    private static final Set<String> REGISTERED = Set.of("iss", "sub", "aud", "exp", "nbf", "iat", "jti", "upn",
            "groups", AUTHORISED_PARTY);

    @Inject
    KeyRing keyRing;

    @Inject
    Metrics metrics;

    @Inject
    RevocationList revocations;

    @Inject
    @Any
    Instance<TokenClaims> contributors;

    @Inject
    Event<TokenIssued> issued;

    @Inject
    @ConfigProperty(name = "portcullis.tokens.issuer")
    String issuer;

    @Inject
    @ConfigProperty(name = "portcullis.tokens.audience")
    Optional<String> audience;

    @Inject
    @ConfigProperty(name = "portcullis.tokens.lifetime")
    Duration lifetime; // ISO-8601; MP Config converts it with Duration.parse

    /** A token for the user themselves. */
    public SignedToken issue(TokenSubject subject, TokenKind kind) {
        if (kind == TokenKind.INTEGRATION) {
            throw new IllegalArgumentException("An integration token names its service");
        }
        return issue(subject, kind, null, lifetime);
    }

    /** A token for the user themselves that lives {@code shorterLifetime} (a powerful one), at most the usual. */
    public SignedToken issue(TokenSubject subject, TokenKind kind, Duration shorterLifetime) {
        if (kind == TokenKind.INTEGRATION) {
            throw new IllegalArgumentException("An integration token names its service");
        }
        return issue(subject, kind, null, shorterLifetime.compareTo(lifetime) < 0 ? shorterLifetime : lifetime);
    }

    /** A token for the service {@code integration}, acting for the user. */
    public SignedToken issueForIntegration(TokenSubject subject, String integration) {
        return issue(subject, TokenKind.INTEGRATION, integration, lifetime);
    }

    private SignedToken issue(TokenSubject subject, TokenKind kind, String integration, Duration validFor) {
        JWK key = keyRing.active();
        Instant now = revocations.firstUsableIssueTime(subject.subject());
        Instant expires = now.plus(validFor);
        String jti = UUID.randomUUID().toString();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder();
        for (TokenClaims contributor : contributors) {
            contributor.claimsFor(subject.subject()).forEach((name, value) -> {
                if (!REGISTERED.contains(name)) {
                    claims.claim(name, value);
                }
            });
        }
        claims.issuer(issuer)
                .subject(subject.subject())
                .claim(Claims.upn.name(), subject.upn())
                .claim(Claims.groups.name(), List.copyOf(subject.groups()))
                .jwtID(jti)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(expires));
        if (integration == null) {
            audience.ifPresent(claims::audience);
        } else {
            claims.audience(integration).claim(AUTHORISED_PARTY, integration);
        }
        JWSAlgorithm algorithm = JWSAlgorithm.parse(key.getAlgorithm().getName());
        JWSHeader header = new JWSHeader.Builder(algorithm).type(JOSEObjectType.JWT).keyID(key.getKeyID()).build();
        SignedJWT jwt = new SignedJWT(header, claims.build());
        try {
            jwt.sign(SIGNERS.createJWSSigner(key, algorithm));
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign with key " + key.getKeyID(), e);
        }
        // Recorded before it is handed out: a token whose record failed is never seen by anyone.
        issued.fire(new TokenIssued(jti, subject.subject(), kind, integration, now, expires));
        metrics.tokenIssued();
        return new SignedToken(jwt.serialize(), jti, expires);
    }
}
