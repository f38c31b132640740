package portcullis.sessions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import portcullis.fixtures.Jwt;
import portcullis.fixtures.TestUsers;
import portcullis.fixtures.TestUsers.Registered;
import portcullis.http.Api;
import portcullis.http.Reply;
import portcullis.servers.SharedServer;

/** A user's own sessions: every live token listed with what it is and where it came from; any one revoked. */
@SharedServer(administered = true)
public class SessionsIT {
    private static final String ADMIN_EMAIL = SharedServer.ADMIN_EMAIL;

    Api api;

    private static String jti(String token) {
        return Jwt.claims(token).getString("jti");
    }

    private List<JsonObject> sessions(String token) {
        Reply reply = api.get("user/sessions", "Authorization", "Token " + token);
        assertEquals(200, reply.status(), reply::toString);
        return reply.json().getJsonArray("sessions").getValuesAs(JsonObject.class);
    }

    private String integrationToken(Registered user) {
        String service = "sessions-" + UUID.randomUUID().toString().substring(0, 8);
        assertEquals(201, api.post("admin/integrations", "{\"integration\":{\"name\":\"" + service
                + "\",\"displayName\":\"S\"}}", "Authorization", TestUsers.admin(api, ADMIN_EMAIL)).status());
        return api.post("user/integrations/" + service, "", "Authorization", "Token " + user.token()).json()
                .getString("token");
    }

    @Test
    public void everyLiveTokenIsListedWithItsKindTimesAddressAndUserAgent() {
        Registered user = TestUsers.register(api); // registration logs in: the first session
        String login = api.send("POST", "auth/login", "application/json",
                TestUsers.edumapsLogin(user.email(), user.password()),
                "User-Agent", "Edumaps-Test/1.0\t(tab) " + "x".repeat(300))
                .json().getString("token");
        String reauthenticated = api.post("auth/token", "", "Authorisation", login).json().getString("token");
        String integration = integrationToken(user);

        List<JsonObject> sessions = sessions(login);

        Map<String, JsonObject> byId = sessions.stream().collect(Collectors.toMap(s -> s.getString("id"), s -> s));
        assertEquals(4, sessions.size(), sessions::toString);
        assertEquals("login", byId.get(jti(user.token())).getString("kind"));
        assertEquals("login", byId.get(jti(login)).getString("kind"));
        assertEquals("reauthentication", byId.get(jti(reauthenticated)).getString("kind"));
        assertEquals("integration", byId.get(jti(integration)).getString("kind"));
        assertEquals(Jwt.claims(integration).getString("azp"), byId.get(jti(integration)).getString("integration"));
        assertEquals(List.of(jti(integration), jti(reauthenticated), jti(login), jti(user.token())),
                sessions.stream().map(s -> s.getString("id")).toList(), "newest first");

        JsonObject current = byId.get(jti(login));
        assertTrue(current.getBoolean("current"));
        assertEquals(1, sessions.stream().filter(s -> s.getBoolean("current")).count());
        assertEquals(("Edumaps-Test/1.0(tab) " + "x".repeat(300)).substring(0, 256), current.getString("userAgent"),
                "control characters dropped, 256 characters kept");
        assertTrue(current.getString("address").startsWith("127."), current::toString);
        assertEquals("active", current.getString("state"));
        assertEquals(Jwt.claims(login).getJsonNumber("iat").longValue(),
                Instant.parse(current.getString("issuedAt")).getEpochSecond());
        assertEquals(Jwt.claims(login).getJsonNumber("exp").longValue(),
                Instant.parse(current.getString("expiresAt")).getEpochSecond());
        assertFalse(current.toString().contains(login), "the token itself is never listed");
    }

    @Test
    public void revokingOneSessionRefusesThatTokenOnlyAndDropsItFromTheList() {
        Registered user = TestUsers.register(api);
        String other = api.post("users/login", TestUsers.conduitLogin(user.email(), user.password())).user()
                .getString("token");

        assertEquals(204, api.delete("user/sessions/" + jti(other), "Authorization", "Token " + user.token()).status());

        assertEquals(401, api.get("user", "Authorization", "Token " + other).status());
        assertEquals(200, api.get("user", "Authorization", "Token " + user.token()).status());
        assertEquals(List.of(jti(user.token())), sessions(user.token()).stream().map(s -> s.getString("id")).toList());
        assertEquals(404, api.delete("user/sessions/" + jti(other), "Authorization", "Token " + user.token())
                .status(), "already revoked");
    }

    @Test
    public void loggedOutAndRevokedTokensAreNotListed() {
        Registered user = TestUsers.register(api);
        String loggedOut = api.post("users/login", TestUsers.conduitLogin(user.email(), user.password())).user()
                .getString("token");
        assertEquals(204, api.post("auth/logout", "", "Authorization", "Token " + loggedOut).status());

        assertEquals(List.of(jti(user.token())), sessions(user.token()).stream().map(s -> s.getString("id")).toList());

        assertEquals(204, api.post("auth/logout/all", "", "Authorization", "Token " + user.token()).status());
        String fresh = api.post("users/login", TestUsers.conduitLogin(user.email(), user.password())).user()
                .getString("token");
        assertEquals(List.of(jti(fresh)), sessions(fresh).stream().map(s -> s.getString("id")).toList());
    }

    @Test
    public void anotherUsersSessionCannotBeSeenOrRevoked() {
        Registered alice = TestUsers.register(api);
        Registered mallory = TestUsers.register(api);

        Reply attempt = api.delete("user/sessions/" + jti(alice.token()), "Authorization", "Token " + mallory.token());

        assertEquals(404, attempt.status());
        assertEquals(attempt.body(), api.delete("user/sessions/" + UUID.randomUUID(), "Authorization",
                "Token " + mallory.token()).body(), "the same answer as for a session that never existed");
        assertEquals(200, api.get("user", "Authorization", "Token " + alice.token()).status());
        assertTrue(sessions(mallory.token()).stream().noneMatch(s -> s.getString("id").equals(jti(alice.token()))));
        assertEquals(401, api.get("user/sessions").status());
        assertEquals(404, api.delete("user/sessions/not%20an%20id", "Authorization", "Token " + alice.token())
                .status());
    }

    @Test
    public void aTokenWithOutdatedClaimsIsListedAsOutdated() {
        String admin = TestUsers.admin(api, ADMIN_EMAIL);
        String domain = "sessions-" + UUID.randomUUID().toString().substring(0, 8) + ".example";
        assertEquals(201, api.post("admin/organisations", "{\"organisation\":{\"domain\":\"" + domain
                + "\",\"name\":\"S\"}}", "Authorization", admin).status());
        Registered user = TestUsers.register(api);
        api.put("admin/organisations/" + domain + "/members/" + user.id(), "", "Authorization", admin);
        api.delete("admin/organisations/" + domain + "/members/" + user.id(), "Authorization", admin);
        String fresh = api.post("auth/token", "", "Authorisation", user.token()).json().getString("token");

        Map<String, String> states = sessions(fresh).stream()
                .collect(Collectors.toMap(s -> s.getString("id"), s -> s.getString("state")));

        assertEquals(Map.of(jti(user.token()), "outdated", jti(fresh), "active"), states);
    }
}
