package portcullis.tokens;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimNames;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.ConfigurableJWTProcessor;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.text.ParseException;
import java.time.Duration;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import portcullis.keys.KeyRing;

/**
 * Checks a token the way RFC 8725 asks: the algorithm comes from our own keys, never from the token; the key is
 * chosen by {@code kid} among the keys we published; {@code typ} must be JWT; {@code iss} must match exactly;
 * {@code exp} must not have passed (within the clock leeway); {@code sub}, {@code iat} and {@code jti} are required.
 */
@ApplicationScoped
public class TokenVerifier {
    private static final Logger LOG = Logger.getLogger(TokenVerifier.class.getName());
    private static final Set<String> REQUIRED_CLAIMS = Set.of(
            JWTClaimNames.SUBJECT, JWTClaimNames.ISSUED_AT, JWTClaimNames.EXPIRATION_TIME, JWTClaimNames.JWT_ID);

    @Inject
    KeyRing keyRing;

    @Inject
    @ConfigProperty(name = "portcullis.tokens.issuer", defaultValue = "http://localhost:8080")
    String issuer;

    @Inject
    @ConfigProperty(name = "portcullis.tokens.clock-leeway", defaultValue = "PT60S")
    Duration clockLeeway;

    private ConfigurableJWTProcessor<SecurityContext> processor;

    @PostConstruct
    void configure() {
        DefaultJWTProcessor<SecurityContext> jwtProcessor = new DefaultJWTProcessor<>();
        jwtProcessor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(JOSEObjectType.JWT));
        jwtProcessor.setJWSKeySelector(new JWSVerificationKeySelector<>(KeyRing.ALGORITHM,
                (selector, context) -> selector.select(keyRing.published())));
        DefaultJWTClaimsVerifier<SecurityContext> claimsVerifier = new DefaultJWTClaimsVerifier<>(
                new JWTClaimsSet.Builder().issuer(issuer).build(), REQUIRED_CLAIMS);
        claimsVerifier.setMaxClockSkew((int) clockLeeway.toSeconds());
        jwtProcessor.setJWTClaimsSetVerifier(claimsVerifier);
        processor = jwtProcessor;
    }

    public JsonWebToken verify(String token) {
        try {
            return new VerifiedToken(token, processor.process(token, null));
        } catch (ParseException | BadJOSEException | JOSEException refused) {
            // The reason helps operators; the token itself is a credential and is never logged.
            LOG.fine(() -> "Token refused: " + refused.getMessage());
            throw new InvalidTokenException();
        }
    }
}
