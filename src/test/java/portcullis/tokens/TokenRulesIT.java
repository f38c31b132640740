package portcullis.tokens;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URL;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import portcullis.fixtures.Jwt;
import portcullis.fixtures.TestUsers;
import portcullis.fixtures.TestUsers.Registered;
import portcullis.http.Api;
import portcullis.http.Reply;
import portcullis.servers.SharedServer;

/**
 * RFC 8725, one rule a test. Tokens here are signed with Portcullis's own key (by a test-only resource), so each
 * refusal is for the rule the token breaks; the first test shows that a token keeping every rule is accepted.
 */
@Tag("database-independent")
@SharedServer(administered = true)
public class TokenRulesIT {
    private static final String ISSUER = "http://localhost:8080";
    private static final String AUDIENCE = TokenMintResource.AUDIENCE;

    Api api;
    URL base;
    Registered user;

    @BeforeEach
    public void registerAUser() {
        user = TestUsers.register(api);
    }

    private String header(String extra) {
        return "{\"alg\":\"RS256\",\"typ\":\"JWT\"" + extra + "}";
    }

    private String claims(String extra) {
        long now = Instant.now().getEpochSecond();
        return "{\"iss\":\"" + ISSUER + "\",\"aud\":\"" + AUDIENCE + "\",\"sub\":\"" + user.id() + "\",\"upn\":\""
                + user.email() + "\",\"groups\":[\"user\"],\"jti\":\"" + UUID.randomUUID() + "\",\"iat\":" + now
                + ",\"exp\":" + (now + 600) + extra + "}";
    }

    /** {@code claims} as JSON; a later duplicate key overrides an earlier one. */
    private String mint(String header, String claims) {
        Reply reply = api.post("test/mint", "{\"header\":" + header + ",\"claims\":" + claims + "}");
        assertEquals(200, reply.status(), reply::toString);
        return reply.body();
    }

    private int statusWith(String token) {
        return api.get("user", "Authorization", "Bearer " + token).status();
    }

    private void assertRefused(String token) {
        Reply reply = api.get("user", "Authorization", "Bearer " + token);
        assertEquals(401, reply.status(), reply::toString);
        assertEquals("is invalid", reply.json().getJsonObject("errors").getJsonArray("token").getString(0));
    }

    @Test
    public void aTokenKeepingEveryRuleIsAccepted() {
        assertEquals(200, statusWith(mint(header(""), claims(""))));
    }

    @Test
    public void issuedTokensCarryTheConfiguredAudience() {
        assertEquals(AUDIENCE, Jwt.claims(user.token()).getString("aud"));
        assertEquals(200, statusWith(user.token()));
    }

    @Test
    public void anAlgorithmOutsideTheAllowListIsRefusedEvenWithOurKey() {
        assertRefused(mint("{\"alg\":\"RS384\",\"typ\":\"JWT\"}", claims("")));
    }

    @Test
    public void anAlgorithmNotMatchingTheKeyTypeIsRefused() throws Exception {
        ECKey ecKey = new ECKeyGenerator(Curve.P_256).generate();
        SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).type(JOSEObjectType.JWT)
                .keyID(Jwt.header(user.token()).getString("kid")).build(), JWTClaimsSet.parse(claims("")));
        forged.sign(new ECDSASigner(ecKey));

        assertRefused(forged.serialize());
    }

    @Test
    public void aKidWeNeverPublishedIsRefused() {
        assertRefused(mint(header(",\"kid\":\"never-published\""), claims("")));
    }

    @Test
    public void anEmbeddedJwkHeaderIsRefused() throws Exception {
        String jwk = new ECKeyGenerator(Curve.P_256).generate().toPublicJWK().toJSONString();
        assertRefused(mint(header(",\"jwk\":" + jwk), claims("")));
    }

    @Test
    public void aJkuHeaderIsRefused() {
        assertRefused(mint(header(",\"jku\":\"https://attacker.example/jwks.json\""), claims("")));
    }

    @Test
    public void anX5uHeaderIsRefused() {
        assertRefused(mint(header(",\"x5u\":\"https://attacker.example/cert.pem\""), claims("")));
    }

    @Test
    public void anX5cHeaderIsRefused() {
        assertRefused(mint(header(",\"x5c\":[\"MIIBkTCB\"]"), claims("")));
    }

    @Test
    public void aCritHeaderIsRefused() {
        assertRefused(mint(header(",\"crit\":[\"exp\"]"), claims("")));
    }

    @Test
    public void aMissingTypIsRefused() {
        assertRefused(mint("{\"alg\":\"RS256\"}", claims("")));
    }

    @Test
    public void anotherTypIsRefused() {
        assertRefused(mint("{\"alg\":\"RS256\",\"typ\":\"at+jwt\"}", claims("")));
    }

    @Test
    public void anotherIssuerIsRefused() {
        assertRefused(mint(header(""), claims(",\"iss\":\"http://localhost:8080/\"")));
    }

    @Test
    public void anotherAudienceIsRefused() {
        assertRefused(mint(header(""), claims(",\"aud\":\"https://elsewhere.example\"")));
    }

    @Test
    public void aMissingAudienceIsRefusedWhenOneIsConfigured() {
        assertRefused(mint(header(""), claims("").replace("\"aud\":\"" + AUDIENCE + "\",", "")));
    }

    @Test
    public void aTokenWithoutAudienceIssuedBeforeUsersTokensNamedOneIsStillAccepted() {
        // As a token of the release before the default audience: issued before this database's schema 8
        long hourAgo = Instant.now().getEpochSecond() - 3600;
        String old = mint(header(""), claims(",\"iat\":" + hourAgo).replace("\"aud\":\"" + AUDIENCE + "\",", ""));
        assertEquals(200, statusWith(old));
        assertRefused(mint(header(""), claims(",\"iat\":" + hourAgo).replace("\"aud\":\"" + AUDIENCE + "\"",
                "\"aud\":\"another-service\"")));
    }

    @Test
    public void anExpiredTokenIsRefused() {
        long now = Instant.now().getEpochSecond();
        assertRefused(mint(header(""), claims(",\"iat\":" + (now - 600) + ",\"exp\":" + (now - 61))));
    }

    @Test
    public void aTokenExpiredWithinTheLeewayIsStillAccepted() {
        long now = Instant.now().getEpochSecond();
        assertEquals(200, statusWith(mint(header(""), claims(",\"iat\":" + (now - 600) + ",\"exp\":" + (now - 20)))));
    }

    @Test
    public void aTokenNotYetValidIsRefused() {
        long now = Instant.now().getEpochSecond();
        assertRefused(mint(header(""), claims(",\"nbf\":" + (now + 120))));
    }

    @Test
    public void aTokenIssuedInTheFutureBeyondTheLeewayIsRefused() {
        long now = Instant.now().getEpochSecond();
        assertRefused(mint(header(""), claims(",\"iat\":" + (now + 120))));
    }

    @Test
    public void aTokenIssuedInTheFutureWithinTheLeewayIsAccepted() {
        long now = Instant.now().getEpochSecond();
        assertEquals(200, statusWith(mint(header(""), claims(",\"iat\":" + (now + 20)))));
    }

    @Test
    public void aTokenWithoutJtiIsRefused() {
        assertRefused(mint(header(""), claims("").replaceFirst("\"jti\":\"[^\"]+\",", "")));
    }

    @Test
    public void aTokenWithoutExpIsRefused() {
        assertRefused(mint(header(""), claims("").replaceFirst(",\"exp\":[0-9]+", "")));
    }

    @Test
    public void anOversizedTokenIsRefused() {
        assertRefused(mint(header(""), claims(",\"padding\":\"" + "x".repeat(9000) + "\"")));
    }

    @Test
    public void malformedTokensAreRefused() {
        String[] parts = user.token().split("\\.");
        assertRefused(parts[0] + "." + parts[1]);
        assertRefused(parts[0] + "." + parts[1] + "." + parts[2] + "." + parts[2]);
        assertRefused(parts[0] + ".!!!not-base64!!!." + parts[2]);
        assertRefused(parts[0] + "." + Jwt.encode("not json") + "." + parts[2]);
        assertRefused("");
    }
}
