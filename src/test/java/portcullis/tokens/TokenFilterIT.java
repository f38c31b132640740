package portcullis.tokens;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.SecureRandom;
import java.text.ParseException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import portcullis.fixtures.Jwt;
import portcullis.fixtures.TestUsers;
import portcullis.fixtures.TestUsers.Registered;
import portcullis.http.Api;
import portcullis.http.Reply;
import portcullis.servers.SharedServer;

/** What the filter accepts and what it refuses, seen from a client. */
@Tag("database-independent")
@SharedServer
public class TokenFilterIT {
    Api api;

    private Reply currentUser(String authorization) {
        return api.get("user", "Authorization", authorization);
    }

    private static void assertRefused(Reply reply) {
        assertEquals(401, reply.status(), reply::toString);
        assertEquals("is invalid", reply.json().getJsonObject("errors").getJsonArray("token").getString(0));
    }

    @Test
    public void tokenPrefixIsAccepted() {
        Registered user = TestUsers.register(api);

        assertEquals(200, currentUser("Token " + user.token()).status());
    }

    @Test
    public void bearerPrefixIsAccepted() {
        Registered user = TestUsers.register(api);

        assertEquals(200, currentUser("Bearer " + user.token()).status());
    }

    @Test
    public void prefixesAreCaseInsensitive() {
        Registered user = TestUsers.register(api);

        assertEquals(200, currentUser("bearer " + user.token()).status());
    }

    @Test
    public void britishHeaderSpellingIsAccepted() {
        Registered user = TestUsers.register(api);

        assertEquals(200, api.get("user", "Authorisation", user.token()).status());
    }

    @Test
    public void anotherSchemeIsRefused() {
        Registered user = TestUsers.register(api);

        assertRefused(currentUser("Basic " + user.token()));
    }

    @Test
    public void garbageIsRefused() {
        assertRefused(currentUser("Token not-a-jwt"));
        assertRefused(currentUser("Token a.b.c"));
        assertRefused(currentUser("Token " + Jwt.encode("{") + "." + Jwt.encode("{}") + ".c2ln"));
    }

    @Test
    public void tokenWithAChangedPayloadIsRefused() {
        Registered victim = TestUsers.register(api);
        Registered attacker = TestUsers.register(api);
        String[] parts = attacker.token().split("\\.");
        String payload = Jwt.claims(attacker.token()).toString()
                .replace("\"sub\":\"" + attacker.id() + "\"", "\"sub\":\"" + victim.id() + "\"");

        assertRefused(currentUser("Token " + parts[0] + "." + Jwt.encode(payload) + "." + parts[2]));
    }

    @Test
    public void tokenSignedByAnotherKeyIsRefused() throws Exception {
        Registered user = TestUsers.register(api);
        RSAKey otherKey = new RSAKeyGenerator(2048).generate();
        SignedJWT forged = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).keyID(kidOf(user.token())).build(),
                claimsOf(user.token()));
        forged.sign(new RSASSASigner(otherKey));

        assertRefused(currentUser("Token " + forged.serialize()));
    }

    @Test
    public void unsignedTokenIsRefused() throws Exception {
        Registered user = TestUsers.register(api);
        String header = Jwt.encode("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        String payload = user.token().split("\\.")[1];

        assertRefused(currentUser("Token " + header + "." + payload + "."));
    }

    @Test
    public void hmacSignedTokenIsRefused() throws Exception {
        Registered user = TestUsers.register(api);
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        SignedJWT forged = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).keyID(kidOf(user.token())).build(),
                claimsOf(user.token()));
        forged.sign(new MACSigner(secret));

        assertRefused(currentUser("Token " + forged.serialize()));
    }

    private static String kidOf(String token) throws ParseException {
        return SignedJWT.parse(token).getHeader().getKeyID();
    }

    private static JWTClaimsSet claimsOf(String token) throws ParseException {
        return SignedJWT.parse(token).getJWTClaimsSet();
    }
}
