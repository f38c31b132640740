package portcullis.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static portcullis.fixtures.TestUsers.conduitLogin;
import static portcullis.fixtures.TestUsers.edumapsLogin;

import jakarta.json.JsonObject;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import portcullis.fixtures.Jwt;
import portcullis.fixtures.TestUsers;
import portcullis.fixtures.TestUsers.Registered;
import portcullis.http.Api;
import portcullis.http.RawHttp;
import portcullis.http.Reply;
import portcullis.servers.SharedServer;

@SharedServer
public class EdumapsAuthIT {
    private static final Pattern ISO_MILLIS_UTC = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");

    Api api;
    URL base;

    @Test
    public void jsonLoginAnswersTokenAndUserData() {
        Registered user = TestUsers.register(api);

        Reply reply = api.post("auth/login", edumapsLogin(user.email(), user.password()));

        assertEquals(200, reply.status(), reply::toString);
        JsonObject body = reply.json();
        assertEquals(String.valueOf(user.id()), Jwt.claims(body.getString("token")).getString("sub"));
        JsonObject data = body.getJsonObject("data");
        assertEquals(String.valueOf(user.id()), data.getString("_id"));
        assertEquals(user.email(), data.getString("email"));
        assertTrue(ISO_MILLIS_UTC.matcher(data.getString("createdAt")).matches(), data::toString);
        assertTrue(ISO_MILLIS_UTC.matcher(data.getString("updatedAt")).matches(), data::toString);
        assertEquals(0, data.getJsonArray("belongsTo").size());
        assertEquals(0, data.getJsonArray("integrations").size());
    }

    @Test
    public void loginAlsoAnswersAtAuthLocal() {
        Registered user = TestUsers.register(api);

        Reply reply = api.post("auth/local", edumapsLogin(user.email(), user.password()));

        assertEquals(200, reply.status(), reply::toString);
        assertEquals(user.email(), reply.json().getJsonObject("data").getString("email"));
    }

    @Test
    public void theSeedsReauthenticationAtAuthLocalWithOnlyTheHeaderReauthenticates() {
        Registered user = TestUsers.register(api);
        // As the Edumaps document's curl example: POST /auth/local, the Authorisation header, no body at all.
        Reply bare = new RawHttp(base, "127.0.0.1").send("POST", "auth/local", null, null,
                "Authorisation", user.token());
        assertEquals(200, bare.status(), bare::toString);
        assertNotEquals(user.token(), bare.json().getString("token"));
        assertEquals(String.valueOf(user.id()), bare.json().getJsonObject("data").getString("_id"));
        assertEquals(user.email(), bare.json().getJsonObject("data").getString("email"));

        Reply emptyBody = api.send("POST", "auth/local", null, null, "Authorization", "Bearer " + user.token());
        assertEquals(200, emptyBody.status(), emptyBody::toString);
        assertEquals(200, api.post("auth/login", "", "Authorisation", user.token()).status());
    }

    @Test
    public void authLocalWithCredentialsInTheBodyStaysALoginWhateverTokenComesAlong() {
        Registered holder = TestUsers.register(api);
        Registered other = TestUsers.register(api);
        Reply reply = api.post("auth/local", edumapsLogin(other.email(), other.password()),
                "Authorisation", holder.token());
        assertEquals(200, reply.status(), reply::toString);
        assertEquals(other.email(), reply.json().getJsonObject("data").getString("email"));

        Reply wrongPassword = api.post("auth/local", edumapsLogin(other.email(), "not the password"),
                "Authorisation", holder.token());
        assertEquals(401, wrongPassword.status(), "a valid token must not stand in for a wrong password");
    }

    @Test
    public void authLocalWithOnlyAnInvalidTokenIsRefusedLikeAuthToken() {
        Reply forged = api.send("POST", "auth/local", null, null, "Authorisation", "eyJhbGciOiJub25lIn0.e30.");
        Reply atToken = api.send("POST", "auth/token", null, null, "Authorisation", "eyJhbGciOiJub25lIn0.e30.");
        assertEquals(401, forged.status(), forged::toString);
        assertEquals(atToken.body(), forged.body());
    }

    @Test
    public void aLoginWithoutContentTypeIsTakenAsJsonNeverAServerError() {
        // Once picked the form method at random, which failed with a 500 (found by the test above, in CI).
        for (int i = 0; i < 10; i++) {
            Reply nothing = api.send("POST", "auth/local", null, null); // no token, no body, no Content-Type
            assertEquals(422, nothing.status(), nothing::toString);
            assertEquals("{\"errors\":{\"body\":[\"can't be blank\"]}}", nothing.body());
        }
        Registered user = TestUsers.register(api);
        Reply untyped = new RawHttp(base, "127.0.0.1").send("POST", "auth/login", null,
                edumapsLogin(user.email(), user.password()).getBytes(StandardCharsets.UTF_8));
        assertEquals(200, untyped.status(), untyped::toString);
        Reply form = new RawHttp(base, "127.0.0.1").send("POST", "auth/login", null,
                ("email=" + encode(user.email())).getBytes(StandardCharsets.UTF_8));
        assertEquals(400, form.status(), "a form body without its Content-Type is not JSON: " + form);
    }

    @Test
    public void formEncodedLoginWorksLikeJson() {
        Registered user = TestUsers.register(api);
        String form = "email=" + encode(user.email()) + "&password=" + encode(user.password());

        Reply reply = api.send("POST", "auth/login", Api.FORM, form);

        assertEquals(200, reply.status(), reply::toString);
        assertEquals(user.email(), reply.json().getJsonObject("data").getString("email"));
    }

    @Test
    public void formEncodedLoginWithoutPasswordGetsTheWrongPasswordAnswer() {
        Registered user = TestUsers.register(api);

        Reply reply = api.send("POST", "auth/local", Api.FORM, "email=" + encode(user.email()));

        assertEquals(401, reply.status());
        assertEquals("is invalid", reply.json().getJsonObject("errors").getJsonArray("email or password").getString(0));
    }

    @Test
    public void wrongPasswordAndUnknownEmailGetTheConduitAnswer() {
        Registered user = TestUsers.register(api);

        Reply wrongPassword = api.post("auth/login", edumapsLogin(user.email(), "not " + user.password()));
        Reply unknownEmail = api.post("auth/login", edumapsLogin("nobody-" + UUID.randomUUID() + "@example.com", "x"));
        Reply conduit = api.post("users/login", conduitLogin(user.email(), "not " + user.password()));

        assertEquals(401, wrongPassword.status());
        assertEquals(wrongPassword.body(), unknownEmail.body());
        assertEquals(conduit.body(), wrongPassword.body());
    }

    @Test
    public void missingEmailGetsTheWrongPasswordAnswer() {
        Reply reply = api.post("auth/login", "{\"password\":\"secret\"}");

        assertEquals(401, reply.status());
        assertEquals("is invalid", reply.json().getJsonObject("errors").getJsonArray("email or password").getString(0));
    }

    @Test
    public void reauthenticationWithTheBritishHeaderAnswersANewToken() {
        Registered user = TestUsers.register(api);

        Reply reply = api.post("auth/token", "", "Authorisation", user.token());

        assertEquals(200, reply.status(), reply::toString);
        String fresh = reply.json().getString("token");
        assertNotEquals(Jwt.claims(user.token()).getString("jti"), Jwt.claims(fresh).getString("jti"));
        assertEquals(200, api.get("user", "Authorization", "Token " + fresh).status());
    }

    @Test
    public void reauthenticationAcceptsEveryHeaderSpellingAndPrefix() {
        Registered user = TestUsers.register(api);
        String[][] headers = {
            {"Authorisation", user.token()},
            {"Authorisation", "Bearer " + user.token()},
            {"Authorisation", "Token " + user.token()},
            {"Authorization", "Bearer " + user.token()},
            {"Authorization", "Token " + user.token()},
            {"Authorization", user.token()},
        };
        for (String[] header : headers) {
            Reply reply = api.post("auth/token", "", header[0], header[1]);
            assertEquals(200, reply.status(), () -> header[0] + ": " + header[1].split(" ")[0] + " -> " + reply);
        }
    }

    @Test
    public void reauthenticationAnswersTheCurrentDataNotTheDataOfTheOldToken() throws InterruptedException {
        Registered user = TestUsers.register(api);
        JsonObject before = api.post("auth/login", edumapsLogin(user.email(), user.password())).json().getJsonObject("data");
        String newEmail = "changed-" + UUID.randomUUID() + "@example.com";
        Thread.sleep(5); // so that updatedAt moves on visibly
        assertEquals(200, api.put("user", "{\"user\":{\"email\":\"" + newEmail + "\"}}",
                "Authorization", "Token " + user.token()).status());

        Reply reply = api.post("auth/token", "", "Authorisation", user.token());

        assertEquals(200, reply.status(), reply::toString);
        JsonObject data = reply.json().getJsonObject("data");
        assertEquals(newEmail, data.getString("email"));
        assertEquals(before.getString("createdAt"), data.getString("createdAt"));
        assertNotEquals(before.getString("updatedAt"), data.getString("updatedAt"));
        assertEquals(newEmail, Jwt.claims(reply.json().getString("token")).getString("upn"));
    }

    @Test
    public void reauthenticationWithoutATokenGets401() {
        Reply reply = api.post("auth/token", "");

        assertEquals(401, reply.status());
        assertEquals("is missing", reply.json().getJsonObject("errors").getJsonArray("token").getString(0));
    }

    @Test
    public void reauthenticationWithAnInvalidTokenGets401() {
        Registered user = TestUsers.register(api);

        Reply reply = api.post("auth/token", "", "Authorisation", user.token() + "x");

        assertEquals(401, reply.status());
        assertEquals("is invalid", reply.json().getJsonObject("errors").getJsonArray("token").getString(0));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
