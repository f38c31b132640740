package portcullis.testkit;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A token as Portcullis shapes it ({@code iss}, {@code sub}: the account id, {@code upn}: the email, {@code groups},
 * {@code belongsTo}, {@code jti}, {@code iat}, {@code exp}, {@code aud} when set; header {@code RS256}, {@code typ}
 * JWT, {@code kid}), built in one line and signed by the test issuer:
 * {@code issuer.token().email("ada@corp.example").groups("developer").belongsTo("corp.example").sign()}.
 * Defaults: a random account id, {@code user} as the only group, no organisation, issued now, valid 60 days.
 */
public final class TestToken {
    /** The audience of Portcullis's user tokens by default ({@code portcullis.tokens.audience}). */
    public static final String PORTCULLIS_AUDIENCE = "estate";

    private final TestIssuer issuer;
    private String issuerClaim;
    private String subject = String.valueOf(ThreadLocalRandom.current().nextLong(1, 1_000_000_000L));
    private String email;
    private List<String> groups = List.of("user");
    private List<String> belongsTo = List.of();
    private List<String> audience = List.of(PORTCULLIS_AUDIENCE);
    private Instant issuedAt = Instant.now();
    private Instant expiresAt;
    private Instant notBefore;
    private final Map<String, Object> extra = new LinkedHashMap<>();

    TestToken(TestIssuer issuer) {
        this.issuer = issuer;
        this.issuerClaim = issuer.issuer();
    }

    /** The account id ({@code sub}). */
    public TestToken subject(String accountId) {
        this.subject = accountId;
        return this;
    }

    /** The email ({@code upn}, the caller's name in MicroProfile JWT). */
    public TestToken email(String address) {
        this.email = address;
        return this;
    }

    /** The groups ({@code groups}: the roles of {@code @RolesAllowed}); replaces the default {@code user}. */
    public TestToken groups(String... names) {
        this.groups = List.of(names);
        return this;
    }

    /** The organisation domains ({@code belongsTo}). */
    public TestToken belongsTo(String... domains) {
        this.belongsTo = List.of(domains);
        return this;
    }

    /**
     * The audiences ({@code aud}): {@link #PORTCULLIS_AUDIENCE} by default, as Portcullis's user tokens; none with no
     * argument; a service's name for a token like an integration token of that service.
     */
    public TestToken audience(String... audiences) {
        this.audience = List.of(audiences);
        return this;
    }

    /** Another claim (not the registered ones this builder sets). */
    public TestToken claim(String name, Object value) {
        extra.put(name, value);
        return this;
    }

    /** Issued at {@code instant} ({@code iat}); the expiry follows it (60 days) unless set. */
    public TestToken issuedAt(Instant instant) {
        this.issuedAt = instant;
        return this;
    }

    public TestToken expiresAt(Instant instant) {
        this.expiresAt = instant;
        return this;
    }

    /** Expired {@code ago} ago (issued an hour before that). */
    public TestToken expired(Duration ago) {
        this.expiresAt = Instant.now().minus(ago);
        this.issuedAt = expiresAt.minus(Duration.ofHours(1));
        return this;
    }

    /** Not valid before {@code instant} ({@code nbf}). */
    public TestToken notBefore(Instant instant) {
        this.notBefore = instant;
        return this;
    }

    /** Another {@code iss}, for the refusal of a foreign issuer. */
    public TestToken issuer(String otherIssuer) {
        this.issuerClaim = otherIssuer;
        return this;
    }

    /** Signed with the issuer's signing key: the token an application must accept. */
    public String sign() {
        return sign(issuer.keys().active());
    }

    /** Signed with a key the issuer never published, under a published key's {@code kid}: a forgery. */
    public String forged() {
        RSAKey stranger = new RSAKey.Builder(TestKeys.generate()).keyID(issuer.keys().active().getKeyID()).build();
        return sign(stranger);
    }

    /** The claims unsigned ({@code "alg": "none"}): a token every verifier must refuse. */
    public String unsigned() {
        String header = Base64URL.encode("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8))
                .toString();
        return header + "." + Base64URL.encode(claims().toString().getBytes(StandardCharsets.UTF_8)) + ".";
    }

    /** HS256 with the issuer's public key as the secret (the algorithm-confusion attack). */
    public String hs256WithThePublicKey() {
        try {
            RSAKey key = issuer.keys().active();
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT)
                    .keyID(key.getKeyID()).build(), claims());
            jwt.sign(new MACSigner(key.toRSAPublicKey().getEncoded()));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private String sign(RSAKey key) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT)
                    .keyID(key.getKeyID()).build(), claims());
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign a test token", e);
        }
    }

    private JWTClaimsSet claims() {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder();
        extra.forEach(claims::claim);
        claims.issuer(issuerClaim)
                .subject(subject)
                .claim("upn", email == null ? "user" + subject + "@example.com" : email)
                .claim("groups", new ArrayList<>(groups))
                .claim("belongsTo", new ArrayList<>(belongsTo))
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(issuedAt))
                .expirationTime(Date.from(expiresAt == null ? issuedAt.plus(Duration.ofDays(60)) : expiresAt));
        if (notBefore != null) {
            claims.notBeforeTime(Date.from(notBefore));
        }
        if (!audience.isEmpty()) {
            claims.audience(audience);
        }
        return claims.build();
    }
}
