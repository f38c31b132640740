package portcullis.federation;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.AsymmetricJWK;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimNames;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.Key;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.ParseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * Checks a provider's token as {@code tokens.TokenVerifier} checks Portcullis's own (RFC 8725). The provider is the
 * one whose issuer the token names, exactly; the key is one that provider publishes now, chosen by {@code kid}, of
 * the type and algorithm the header names, and the algorithm one the provider is allowed (asymmetric only, so
 * {@code none} and HS256 never verify). Headers that bring a key or its location ({@code jwk}, {@code jku},
 * {@code x5u}, {@code x5c}) or demand extensions ({@code crit}) are refused, never followed. {@code aud} must name
 * Portcullis; {@code exp}, {@code nbf} and {@code iat} are checked with the leeway; {@code sub}, {@code iat} and
 * {@code exp} are required, and a lifetime beyond {@code max-token-lifetime} is refused.
 */
@ApplicationScoped
class ProviderTokenVerifier {
    private static final Logger LOG = Logger.getLogger(ProviderTokenVerifier.class.getName());
    private static final int MIN_RSA_BITS = 2048;
    private static final int MAX_JTI_LENGTH = 255;
    /** JOSEObjectType compares case-insensitively: "at+JWT" is accepted too. */
    private static final Set<JOSEObjectType> TYPES = Set.of(JOSEObjectType.JWT, new JOSEObjectType("at+jwt"));

    @Inject
    FederationSettings settings;

    @Inject
    ProviderKeys keys;

    private final Map<String, DefaultJWTProcessor<SecurityContext>> processors = new ConcurrentHashMap<>();

    ProviderToken verify(String token) {
        if (token.length() > settings.maxTokenLength()) {
            throw refused("is longer than " + settings.maxTokenLength() + " characters");
        }
        SignedJWT jwt = parse(token);
        JWSHeader header = jwt.getHeader();
        if (header.getJWKURL() != null || header.getJWK() != null || header.getX509CertURL() != null
                || header.getX509CertChain() != null || header.getCriticalParams() != null) {
            throw refused("has a header naming its own key (jwk, jku, x5u, x5c) or extensions (crit)");
        }
        Provider provider = providerOf(jwt);
        ProviderClaimShapes.check(jwt.getPayload().toJSONObject());
        if (!provider.algorithms().contains(header.getAlgorithm())) {
            throw refused("is signed with " + header.getAlgorithm() + ", which is not allowed for this provider");
        }
        JWTClaimsSet claims;
        try {
            claims = processor(provider).process(jwt, null);
        } catch (BadJOSEException | JOSEException badToken) {
            LOG.fine(() -> "Provider token refused (" + provider.name() + "): " + badToken.getMessage());
            throw refused(reason(badToken));
        }
        Instant expiresAt = claims.getExpirationTime().toInstant();
        if (expiresAt.isAfter(Instant.now().plus(settings.maxTokenLifetime()))) {
            throw refused("expires too far ahead (more than " + settings.maxTokenLifetime() + " from now)");
        }
        return new ProviderToken(provider, header.getType() == null ? null : header.getType().getType(), claims,
                replayKey(jwt, claims), expiresAt);
    }

    private static SignedJWT parse(String token) {
        try {
            return SignedJWT.parse(token);
        } catch (ParseException | RuntimeException malformed) {
            // An unsigned token ("alg": "none") is not a signed JWT and ends here too.
            throw refused("is not a signed JWT");
        }
    }

    private Provider providerOf(SignedJWT jwt) {
        Object issuer;
        try {
            issuer = jwt.getPayload().toJSONObject() == null ? null : jwt.getPayload().toJSONObject().get("iss");
        } catch (RuntimeException notJson) {
            issuer = null;
        }
        if (!(issuer instanceof String name)) {
            throw refused("has no issuer (iss)");
        }
        return settings.byIssuer(name).orElseThrow(() -> refused("is from an issuer Portcullis does not trust"));
    }

    private DefaultJWTProcessor<SecurityContext> processor(Provider provider) {
        return processors.computeIfAbsent(provider.name(), name -> {
            DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
            processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(withNoType(TYPES)));
            processor.setJWSKeySelector((header, context) -> publicKeys(keys.candidates(provider, header)));
            DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(
                    null, // the audience is checked first, below, so that its refusal says so
                    new JWTClaimsSet.Builder().issuer(provider.issuer()).build(),
                    Set.of(JWTClaimNames.SUBJECT, JWTClaimNames.ISSUED_AT, JWTClaimNames.EXPIRATION_TIME),
                    Set.of());
            claims.setMaxClockSkew((int) settings.clockLeeway().toSeconds());
            processor.setJWTClaimsSetVerifier((set, context) -> {
                if (set.getAudience() == null || !set.getAudience().contains(provider.audience())) {
                    throw new BadJWTException("JWT audience rejected: " + set.getAudience());
                }
                claims.verify(set, context);
                if (set.getIssueTime().toInstant().isAfter(Instant.now().plus(settings.clockLeeway()))) {
                    throw new BadJWTException("JWT issued in the future");
                }
            });
            return processor;
        });
    }

    private static Set<JOSEObjectType> withNoType(Set<JOSEObjectType> types) {
        Set<JOSEObjectType> accepted = new java.util.HashSet<>(types);
        accepted.add(null); // many providers send no typ at all
        return accepted;
    }

    private static List<Key> publicKeys(List<JWK> candidates) throws com.nimbusds.jose.KeySourceException {
        List<Key> converted = new ArrayList<>();
        for (JWK candidate : candidates) {
            if (candidate instanceof RSAKey rsa && rsa.size() < MIN_RSA_BITS) {
                continue; // too weak to trust (RFC 7518, 3.3)
            }
            try {
                converted.add(((AsymmetricJWK) candidate).toPublicKey());
            } catch (JOSEException | ClassCastException unusable) {
                LOG.fine(() -> "Provider key " + candidate.getKeyID() + " has no usable public key");
            }
        }
        return converted;
    }

    /**
     * The token's {@code jti}; a provider that sends none (Entra ID) gets the token's signed part hashed instead,
     * which the client cannot vary without breaking the signature.
     */
    private static String replayKey(SignedJWT jwt, JWTClaimsSet claims) {
        String jti = claims.getJWTID();
        if (jti != null) {
            if (jti.isEmpty() || jti.length() > MAX_JTI_LENGTH) {
                throw refused("has a jti that is empty or longer than " + MAX_JTI_LENGTH);
            }
            return "jti:" + jti;
        }
        try {
            byte[] signed = jwt.getSigningInput();
            return "sha256:" + Base64URL.encode(MessageDigest.getInstance("SHA-256").digest(signed));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** What the client may be told: which rule the token broke, never what the keys are. */
    private static String reason(Exception refused) {
        String message = String.valueOf(refused.getMessage());
        if (message.contains("Expired JWT")) {
            return "has expired";
        }
        if (message.contains("before use time") || message.contains("issued in the future")) {
            return "is not valid yet";
        }
        if (message.contains("audience")) {
            return "is not for Portcullis (aud)";
        }
        if (message.contains("missing required claims") || message.contains("JWT missing")) {
            return "lacks a required claim (sub, iat, exp)";
        }
        if (message.contains("iss claim") || message.contains("issuer")) {
            return "is from an issuer Portcullis does not trust";
        }
        if (message.contains("type")) {
            return "has a type (typ) that is not a JWT access or ID token";
        }
        return "has a signature that does not verify with the provider's published keys";
    }

    private static ProviderTokenRefusedException refused(String message) {
        return new ProviderTokenRefusedException(message);
    }
}
