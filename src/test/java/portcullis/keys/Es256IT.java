package portcullis.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import portcullis.fixtures.Deployments;
import portcullis.fixtures.Jwt;
import portcullis.fixtures.TestUsers;
import portcullis.fixtures.TestUsers.Registered;
import portcullis.http.Api;
import portcullis.servers.OwnServers;
import portcullis.servers.PayaraMicroProcess;

/** ES256 by configuration, on a database of its own so that its first key is an EC key. */
@Tag("database-independent")
@OwnServers
public class Es256IT {

    @Test
    public void withEs256ConfiguredTokensAreSignedAndVerifiedWithAP256Key() throws Exception {
        Path target = Path.of(System.getProperty("portcullis.target", "target"));
        try (PayaraMicroProcess server = PayaraMicroProcess.start(Deployments.BUILT_WAR.toPath(),
                Files.createTempDirectory(target, "es256-it-"), "es256-it",
                Map.of("portcullis.keys.algorithm", "ES256"), "api/user")) {
            Api api = new Api(server.base());
            Registered user = TestUsers.register(api);

            assertEquals("ES256", Jwt.header(user.token()).getString("alg"));
            assertEquals(200, api.get("user", "Authorization", "Token " + user.token()).status());
            JsonObject key = api.get("../.well-known/jwks.json").json().getJsonArray("keys").getJsonObject(0);
            assertEquals("EC", key.getString("kty"));
            assertEquals("P-256", key.getString("crv"));
            assertEquals(Jwt.header(user.token()).getString("kid"), key.getString("kid"));
            assertEquals("ES256", api.get("../.well-known/openid-configuration").json()
                    .getJsonArray("id_token_signing_alg_values_supported").getString(0));
        }
    }
}
