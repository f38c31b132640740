package portcullis.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static portcullis.fixtures.TestUsers.conduitLogin;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import portcullis.fixtures.Jwt;
import portcullis.fixtures.TestUsers;
import portcullis.fixtures.TestUsers.Registered;
import portcullis.http.Api;
import portcullis.http.Reply;
import portcullis.servers.SharedServer;

@SharedServer
public class ConduitLoginIT {
    Api api;

    @Test
    public void loginAnswersTheConduitUserObjectWithAToken() {
        Registered user = TestUsers.register(api);

        Reply reply = api.post("users/login", conduitLogin(user.email(), user.password()));

        assertEquals(200, reply.status(), reply::toString);
        JsonObject body = reply.user();
        assertEquals(user.id(), body.getJsonNumber("id").longValue());
        assertEquals(user.email(), body.getString("email"));
        assertEquals(user.username(), body.getString("username"));
        assertTrue(body.isNull("bio"));
        assertTrue(body.isNull("image"));
        assertTrue(body.isNull("name"));
        assertEquals(0, body.getJsonArray("topics").size());
        assertNotNull(body.getString("token"));
    }

    @Test
    public void loginAlsoAnswersAtTheSingularUserLoginPath() {
        Registered user = TestUsers.register(api);

        Reply reply = api.post("user/login", conduitLogin(user.email(), user.password()));

        assertEquals(200, reply.status(), reply::toString);
        assertEquals(user.email(), reply.user().getString("email"));
    }

    @Test
    public void loginComparesTheEmailCaseInsensitively() {
        Registered user = TestUsers.register(api);

        Reply reply = api.post("users/login", conduitLogin(user.email().toUpperCase(), user.password()));

        assertEquals(200, reply.status(), reply::toString);
        assertEquals(user.email(), reply.user().getString("email"));
    }

    @Test
    public void tokenIsAMicroProfileJwtSignedWithRs256ForSixtyDays() {
        Registered user = TestUsers.register(api);

        String token = api.post("users/login", conduitLogin(user.email(), user.password())).user().getString("token");

        JsonObject header = Jwt.header(token);
        assertEquals("RS256", header.getString("alg"));
        assertEquals("JWT", header.getString("typ"));
        assertFalse(header.getString("kid").isBlank());
        JsonObject claims = Jwt.claims(token);
        assertEquals("http://localhost:8080", claims.getString("iss"));
        assertEquals(String.valueOf(user.id()), claims.getString("sub"));
        assertEquals(user.email(), claims.getString("upn"));
        assertTrue(claims.getJsonArray("groups").getString(0).equals("user"));
        assertFalse(claims.getString("jti").isBlank());
        long lifetime = claims.getJsonNumber("exp").longValue() - claims.getJsonNumber("iat").longValue();
        assertEquals(Duration.ofDays(60).toSeconds(), lifetime);
    }

    @Test
    public void everyLoginGetsATokenWithItsOwnId() {
        Registered user = TestUsers.register(api);

        String first = api.post("users/login", conduitLogin(user.email(), user.password())).user().getString("token");
        String second = api.post("users/login", conduitLogin(user.email(), user.password())).user().getString("token");

        assertFalse(Jwt.claims(first).getString("jti").equals(Jwt.claims(second).getString("jti")));
    }

    @Test
    public void wrongPasswordGets401EmailOrPasswordIsInvalid() {
        Registered user = TestUsers.register(api);

        Reply reply = api.post("users/login", conduitLogin(user.email(), "not " + user.password()));

        assertEquals(401, reply.status());
        assertEquals("is invalid", reply.json().getJsonObject("errors").getJsonArray("email or password").getString(0));
    }

    @Test
    public void unknownEmailGetsTheSameAnswerAsWrongPassword() {
        Registered user = TestUsers.register(api);

        Reply wrongPassword = api.post("users/login", conduitLogin(user.email(), "not " + user.password()));
        Reply unknownEmail = api.post("users/login",
                conduitLogin("nobody-" + UUID.randomUUID() + "@example.com", user.password()));

        assertEquals(401, unknownEmail.status());
        assertEquals(wrongPassword.status(), unknownEmail.status());
        assertEquals(wrongPassword.body(), unknownEmail.body());
    }

    @Test
    public void emptyOrMissingPasswordGetsTheSameAnswerAsWrongPassword() {
        Registered user = TestUsers.register(api);
        Reply wrongPassword = api.post("users/login", conduitLogin(user.email(), "not " + user.password()));

        Reply empty = api.post("users/login", conduitLogin(user.email(), ""));
        Reply missing = api.post("users/login", "{\"user\":{\"email\":\"" + user.email() + "\"}}");

        assertEquals(401, empty.status());
        assertEquals(wrongPassword.body(), empty.body());
        assertEquals(401, missing.status());
        assertEquals(wrongPassword.body(), missing.body());
    }

    @Test
    public void missingUserObjectGets422() {
        Reply reply = api.post("users/login", "{\"email\":\"someone@example.com\",\"password\":\"secret\"}");

        assertEquals(422, reply.status());
        assertEquals("can't be blank", reply.json().getJsonObject("errors").getJsonArray("user").getString(0));
    }

    @Test
    public void aStaleTokenSentAlongDoesNotStopALogin() {
        Registered user = TestUsers.register(api);

        Reply reply = api.post("users/login", conduitLogin(user.email(), user.password()),
                "Authorization", "Token not-a-valid-token");

        assertEquals(200, reply.status(), reply::toString);
    }
}
