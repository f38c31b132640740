package portcullis.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import portcullis.fixtures.Jwt;
import portcullis.fixtures.TestUsers;
import portcullis.fixtures.TestUsers.Registered;
import portcullis.http.Api;
import portcullis.http.Reply;
import portcullis.servers.SharedServer;

/** The published keys and the discovery document, as a resource server reads them. */
@Tag("database-independent")
@SharedServer
public class JwksIT {
    Api api;

    private Reply wellKnown(String document) {
        return api.get("../.well-known/" + document);
    }

    @Test
    public void jwksPublishesTheKeyTokensAreSignedWith() {
        Registered user = TestUsers.register(api);
        String kid = Jwt.header(user.token()).getString("kid");

        Reply reply = wellKnown("jwks.json");

        assertEquals(200, reply.status(), reply::toString);
        JsonObject key = reply.json().getJsonArray("keys").getValuesAs(JsonObject.class).stream()
                .filter(candidate -> candidate.getString("kid").equals(kid))
                .findFirst()
                .orElseThrow(() -> new AssertionError("kid " + kid + " not in " + reply.body()));
        assertEquals("RSA", key.getString("kty"));
        assertEquals("RS256", key.getString("alg"));
        assertEquals("sig", key.getString("use"));
    }

    @Test
    public void jwksHoldsNoPrivateKeyMaterial() {
        for (JsonValue key : wellKnown("jwks.json").json().getJsonArray("keys")) {
            for (String privateMember : List.of("d", "p", "q", "dp", "dq", "qi", "oth", "k")) {
                assertFalse(key.asJsonObject().containsKey(privateMember), privateMember + " published");
            }
        }
    }

    @Test
    public void jwksMayBeCachedForFiveMinutesAtMost() {
        String cacheControl = wellKnown("jwks.json").headers().firstValue("Cache-Control").orElse("");

        assertTrue(cacheControl.contains("max-age=300"), cacheControl);
    }

    @Test
    public void discoveryNamesTheIssuerOfTheTokensAndWhereTheKeysAre() {
        Registered user = TestUsers.register(api);

        JsonObject discovery = wellKnown("openid-configuration").json();

        assertEquals(Jwt.claims(user.token()).getString("iss"), discovery.getString("issuer"));
        assertEquals(discovery.getString("issuer") + "/.well-known/jwks.json", discovery.getString("jwks_uri"));
        assertTrue(discovery.getJsonArray("id_token_signing_alg_values_supported").getString(0).equals("RS256"));
    }

    @Test
    public void theDocumentsAreAlsoServedUnderApi() {
        assertEquals(wellKnown("jwks.json").body(), api.get(".well-known/jwks.json").body());
    }
}
