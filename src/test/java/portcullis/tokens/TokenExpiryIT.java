package portcullis.tokens;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import portcullis.fixtures.Jwt;
import portcullis.fixtures.TestUsers;
import portcullis.fixtures.TestUsers.Registered;
import portcullis.http.Api;
import portcullis.http.Reply;
import portcullis.servers.SharedServer;

/** Token lifetime and expiry, on a deployment configured for three-second tokens and no clock leeway. */
@Tag("database-independent")
@SharedServer(administered = true, shortLived = true)
public class TokenExpiryIT {

    URL base;

    @Test
    public void tokenLifetimeComesFromConfigurationAndAnExpiredTokenIsRefused() throws InterruptedException {
        Api api = new Api(base);
        Registered user = TestUsers.register(api);
        long issuedAt = Jwt.claims(user.token()).getJsonNumber("iat").longValue();
        long expiresAt = Jwt.claims(user.token()).getJsonNumber("exp").longValue();
        assertEquals(3, expiresAt - issuedAt);
        assertEquals(200, api.get("user", "Authorization", "Token " + user.token()).status());

        Thread.sleep(Math.max(0, Duration.between(Instant.now(), Instant.ofEpochSecond(expiresAt + 1)).toMillis()));

        Reply current = api.get("user", "Authorization", "Token " + user.token());
        assertEquals(401, current.status(), current::toString);
        assertEquals("is invalid", current.json().getJsonObject("errors").getJsonArray("token").getString(0));
        assertEquals(401, api.post("auth/token", "", "Authorisation", user.token()).status());
    }

    @Test
    public void revocationsAreKeptUntilTheTokenWouldHaveExpiredAndPrunedThen() throws InterruptedException {
        Api api = new Api(base);
        Registered user = TestUsers.register(api);
        String jti = Jwt.claims(user.token()).getString("jti");
        long expiresAt = Jwt.claims(user.token()).getJsonNumber("exp").longValue();

        assertEquals(204, api.post("auth/logout", "", "Authorization", "Token " + user.token()).status());
        assertEquals("true", api.get("test/revoked-tokens/" + jti).body());

        Thread.sleep(Math.max(0, Duration.between(Instant.now(), Instant.ofEpochSecond(expiresAt + 3)).toMillis()));

        assertEquals("false", api.get("test/revoked-tokens/" + jti).body(), "the revocation outlived its token");
    }
}
