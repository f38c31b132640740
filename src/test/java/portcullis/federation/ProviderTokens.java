package portcullis.federation;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.RSASSASigner;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import portcullis.servers.Keycloak;

/**
 * Tokens with any claims at all, signed by a key a real Keycloak realm publishes (imported into the realm, below
 * its own): for what Keycloak itself never sends, such as a null {@code sub} or an {@code iat} of 2^62.
 */
final class ProviderTokens {
    private final KeyPair key;
    private final String kid;
    private final String issuer;

    private ProviderTokens(KeyPair key, String kid, String issuer) {
        this.key = key;
        this.kid = kid;
        this.issuer = issuer;
    }

    static ProviderTokens of(Keycloak keycloak, String realm) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair key = generator.generateKeyPair();
            return new ProviderTokens(key, keycloak.importSigningKey(realm, key), keycloak.issuer(realm));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The raw JSON claims of an ordinary token for a new person (a fresh {@code sub} and verified email, Portcullis
     * as the audience, valid for five minutes), in order: change or remove (put null) any of them before signing.
     */
    Map<String, String> claims() {
        long now = Instant.now().getEpochSecond();
        String person = UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> claims = new LinkedHashMap<>();
        claims.put("iss", quoted(issuer));
        claims.put("aud", "\"portcullis\"");
        claims.put("sub", quoted("odd-" + person));
        claims.put("jti", quoted(UUID.randomUUID().toString()));
        claims.put("iat", String.valueOf(now));
        claims.put("exp", String.valueOf(now + 300));
        claims.put("email", quoted("odd-" + person + "@odd.example"));
        claims.put("email_verified", "true");
        return claims;
    }

    static String quoted(String text) {
        return "\"" + text + "\"";
    }

    /** Signed as the realm, with these raw JSON claims (those mapped to null left out). */
    String sign(Map<String, String> claims) {
        return sign(claims.entrySet().stream().filter(claim -> claim.getValue() != null)
                .map(claim -> quoted(claim.getKey()) + ":" + claim.getValue()).collect(Collectors.joining(",")));
    }

    private String sign(String members) {
        JWSObject token = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).keyID(kid)
                .build(), new Payload("{" + members + "}"));
        try {
            token.sign(new RSASSASigner(key.getPrivate()));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return token.serialize();
    }
}
