package portcullis.tokens;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyConverter;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimNames;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.Key;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import portcullis.keys.KeyRing;
import portcullis.revocation.RevocationList;
import portcullis.revocation.TokenStanding;

/**
 * Checks a token the way RFC 8725 asks. The algorithm comes from our own keys, never from the token: the key is
 * chosen by {@code kid} among the keys we publish and must be of the type and algorithm the header names. Headers
 * that bring their own key or key location ({@code jwk}, {@code jku}, {@code x5u}, {@code x5c}) or demand extensions
 * ({@code crit}) are refused; {@code typ} must be JWT. {@code iss} must match exactly, {@code aud} is the configured
 * audience (or absent, on tokens from before there was a default one);
 * {@code exp}, {@code nbf} and {@code iat} are checked with the clock leeway; {@code sub}, {@code iat}, {@code exp}
 * and {@code jti} are required. Last, the token must not be revoked.
 */
@ApplicationScoped
public class TokenVerifier {
    private static final Logger LOG = Logger.getLogger(TokenVerifier.class.getName());
    private static final Set<JWSAlgorithm> SUPPORTED = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256);
    private static final Set<String> REQUIRED_CLAIMS = Set.of(
            JWTClaimNames.SUBJECT, JWTClaimNames.ISSUED_AT, JWTClaimNames.EXPIRATION_TIME, JWTClaimNames.JWT_ID);

    @Inject
    KeyRing keyRing;

    @Inject
    RevocationList revocations;

    @Inject
    @ConfigProperty(name = "portcullis.tokens.issuer")
    String issuer;

    @Inject
    @ConfigProperty(name = "portcullis.tokens.audience")
    Optional<String> audience;

    @Inject
    @ConfigProperty(name = "portcullis.tokens.clock-leeway")
    Duration clockLeeway;

    @Inject
    @ConfigProperty(name = "portcullis.tokens.max-length")
    int maxLength;

    @Inject
    AudienceSince audienceSinceStore;

    private volatile Instant audienceSince;
    private DefaultJWTProcessor<SecurityContext> processor;
    private final VerifiedTokenCache cache = new VerifiedTokenCache(10_000);

    /** Public keys and verifiers by kid: a kid is the key's thumbprint, so an entry never goes stale. */
    private final Map<String, Key> publicKeys = new ConcurrentHashMap<>();
    private final Map<Key, JWSVerifier> verifiers = new ConcurrentHashMap<>();

    @PostConstruct
    void configure() {
        processor = new DefaultJWTProcessor<>();
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(JOSEObjectType.JWT));
        processor.setJWSKeySelector((header, context) -> publishedKeyFor(header).map(List::of).orElse(List.of()));
        // Building a verifier from a JWK per request cost more than the RSA verification itself (benchmark P2).
        processor.setJWSVerifierFactory(new DefaultJWSVerifierFactory() {
            @Override
            public JWSVerifier createJWSVerifier(JWSHeader header, Key key) throws JOSEException {
                JWSVerifier verifier = verifiers.get(key);
                if (verifier == null) {
                    verifier = super.createJWSVerifier(header, key);
                    verifiers.put(key, verifier);
                }
                return verifier;
            }
        });
        JWTClaimsSet exactMatch = new JWTClaimsSet.Builder().issuer(issuer).build();
        int leeway = (int) clockLeeway.toSeconds();
        // User tokens name the configured audience; those issued before Portcullis named one by default (the upgrade
        // to schema 8, at most one token lifetime ago) carry none, and Portcullis, their issuer, still takes those
        // until they expire: a token without one issued since is refused.
        Set<String> userAudiences = new HashSet<>();
        userAudiences.add(null);
        audience.ifPresent(userAudiences::add);
        ClaimsVerifier userTokens = new ClaimsVerifier(userAudiences, exactMatch, leeway);
        ClaimsVerifier integrationTokens = new ClaimsVerifier(null, exactMatch, leeway);
        processor.setJWTClaimsSetVerifier((claims, context) -> {
            if (claims.getClaim(TokenIssuer.AUTHORISED_PARTY) == null) {
                userTokens.verify(claims, context);
                if (audience.isPresent() && (claims.getAudience() == null || claims.getAudience().isEmpty())
                        && !claims.getIssueTime().toInstant().isBefore(audienceSince())) {
                    throw new BadJWTException("JWT without an audience, issued since users' tokens name one");
                }
            } else {
                integrationTokens.verify(claims, context);
                checkIntegrationAudience(claims);
            }
        });
    }

    /** The moment users' tokens began to name an audience, read once (an outage leaves it to the next token). */
    private Instant audienceSince() {
        Instant since = audienceSince;
        if (since == null) {
            try {
                since = audienceSinceStore.since();
            } catch (RuntimeException databaseAway) {
                return Instant.MIN; // refuse audience-less tokens until it can be read
            }
            audienceSince = since;
        }
        return since;
    }

    /** A valid token for a user's own use: not revoked, claims not outdated. */
    public JsonWebToken verify(String token) {
        return verify(token, false);
    }

    /**
     * A valid token; with {@code acceptOutdated}, also one whose claims are outdated but which is not revoked (for
     * re-authentication, which answers a fresh one).
     */
    public JsonWebToken verify(String token, boolean acceptOutdated) {
        if (token.length() > maxLength) {
            LOG.fine(() -> "Token refused: " + token.length() + " characters");
            throw new InvalidTokenException();
        }
        VerifiedToken verified = cache.get(token)
                .filter(cached -> signedByPublishedKey(token, cached))
                .orElseGet(() -> verifySignatureAndClaims(token));
        if (!withinLifetime(verified)) {
            LOG.fine(() -> "Token refused: expired, jti " + verified.getTokenID());
            throw new InvalidTokenException();
        }
        TokenStanding standing = revocations.standing(verified.getTokenID(), verified.getSubject(),
                verified.getIssuedAtTime());
        if (standing == TokenStanding.REVOKED) {
            LOG.fine(() -> "Token refused: revoked, jti " + verified.getTokenID());
            throw new InvalidTokenException();
        }
        if (standing == TokenStanding.OUTDATED && !acceptOutdated) {
            LOG.fine(() -> "Token refused: outdated claims, jti " + verified.getTokenID());
            throw InvalidTokenException.outdated();
        }
        return verified;
    }

    /** An integration token is for its service alone: its only audience is the service it names as {@code azp}. */
    private static void checkIntegrationAudience(JWTClaimsSet claims) throws BadJWTException {
        Object party = claims.getClaim(TokenIssuer.AUTHORISED_PARTY);
        if (!(party instanceof String service) || service.isBlank() || !List.of(service).equals(claims.getAudience())) {
            throw new BadJWTException("Integration token whose audience is not its authorised party alone");
        }
    }

    /** A key retired in an emergency takes its tokens out of the cache with it: they are checked afresh, and fail. */
    private boolean signedByPublishedKey(String token, VerifiedToken cached) {
        if (keyRing.publishes(cached.keyId())) {
            return true;
        }
        cache.forget(token);
        return false;
    }

    private VerifiedToken verifySignatureAndClaims(String token) {
        try {
            SignedJWT jwt = parse(token);
            refuseForeignKeyHeaders(jwt.getHeader());
            JWTClaimsSet claims = processor.process(jwt, null);
            VerifiedToken verified = new VerifiedToken(token, jwt.getHeader().getKeyID(), claims);
            cache.put(token, verified);
            return verified;
        } catch (ParseException | BadJOSEException | JOSEException refused) {
            // The reason helps operators; the token itself is a credential and is never logged.
            LOG.fine(() -> "Token refused: " + refused.getMessage());
            throw new InvalidTokenException();
        }
    }

    /** The time checks, again on every use: a cached token expires like any other. */
    private boolean withinLifetime(VerifiedToken token) {
        long now = Instant.now().getEpochSecond();
        long leeway = clockLeeway.toSeconds();
        Long notBefore = token.getClaim("nbf");
        return now <= token.getExpirationTime() + leeway && (notBefore == null || now >= notBefore - leeway);
    }

    /**
     * The key to check a token with: one we publish now, found by the token's kid, whose algorithm is the one the
     * header names and one we support. Anything else gets no key, and the token is refused.
     */
    private Optional<Key> publishedKeyFor(JWSHeader header) throws KeySourceException {
        JWK published = header.getKeyID() == null ? null : keyRing.published().getKeyByKeyId(header.getKeyID());
        if (published == null || !SUPPORTED.contains(header.getAlgorithm())
                || !header.getAlgorithm().equals(published.getAlgorithm())) {
            return Optional.empty();
        }
        Key key = publicKeys.get(published.getKeyID());
        if (key == null) {
            List<Key> converted = KeyConverter.toJavaKeys(List.of(published));
            if (converted.isEmpty()) {
                throw new KeySourceException("Published key " + published.getKeyID() + " has no Java form");
            }
            key = converted.get(0);
            publicKeys.put(published.getKeyID(), key);
        }
        return Optional.of(key);
    }

    private static SignedJWT parse(String token) throws ParseException {
        try {
            return SignedJWT.parse(token);
        } catch (RuntimeException malformed) {
            // nimbus 10 throws a NullPointerException for a header that is the JSON literal null (found by the fuzz
            // test); whatever it throws while parsing untrusted bytes, the token is malformed.
            throw new ParseException("Malformed token: " + malformed.getClass().getSimpleName(), 0);
        }
    }

    private static void refuseForeignKeyHeaders(JWSHeader header) throws BadJOSEException {
        if (header.getJWK() != null || header.getJWKURL() != null || header.getX509CertURL() != null
                || header.getX509CertChain() != null || header.getCriticalParams() != null) {
            throw new BadJOSEException("Header names its own key, key location or critical extensions");
        }
    }

    /** nimbus's claims checks, plus one it lacks: an {@code iat} in the future beyond the leeway. */
    private static final class ClaimsVerifier extends DefaultJWTClaimsVerifier<SecurityContext> {
        ClaimsVerifier(Set<String> acceptedAudiences, JWTClaimsSet exactMatch, int leewaySeconds) {
            super(acceptedAudiences, exactMatch, REQUIRED_CLAIMS, null);
            setMaxClockSkew(leewaySeconds);
        }

        @Override
        public void verify(JWTClaimsSet claims, SecurityContext context) throws BadJWTException {
            super.verify(claims, context);
            Date latestIssueTime = new Date(currentTime().getTime() + getMaxClockSkew() * 1000L);
            if (claims.getIssueTime().after(latestIssueTime)) {
                throw new BadJWTException("JWT issued in the future");
            }
        }
    }
}
