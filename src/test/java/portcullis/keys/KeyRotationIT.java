package portcullis.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static portcullis.fixtures.TestUsers.conduitLogin;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import portcullis.fixtures.Jwt;
import portcullis.fixtures.TestUsers;
import portcullis.fixtures.TestUsers.Registered;
import portcullis.http.Api;
import portcullis.http.Reply;
import portcullis.servers.SharedServer;

/** Rotation on a schedule shrunk to seconds: 15 s per key, new keys published 5 s before they sign. */
@Tag("database-independent")
@SharedServer(administered = true, value = {"portcullis.keys.rotation-period=PT15S",
        "portcullis.keys.publish-lead=PT5S", "portcullis.keys.check-interval=PT1S"})
public class KeyRotationIT {
    static final String ADMIN_EMAIL = SharedServer.ADMIN_EMAIL;
    private static final Duration PUBLISH_LEAD = Duration.ofSeconds(5);

    Api api;

    private Set<String> publishedKids() {
        return api.get("../.well-known/jwks.json").json().getJsonArray("keys").getValuesAs(JsonObject.class).stream()
                .map(key -> key.getString("kid"))
                .collect(Collectors.toSet());
    }

    private String login(Registered user) {
        return api.post("users/login", conduitLogin(user.email(), user.password())).user().getString("token");
    }

    @Test
    public void keysRotateOnScheduleAndANewKeyIsPublishedBeforeItSigns() throws InterruptedException {
        Registered user = TestUsers.register(api);
        String oldToken = user.token();
        String oldKid = Jwt.header(oldToken).getString("kid");
        Map<String, Instant> firstPublished = new HashMap<>();
        Instant deadline = Instant.now().plusSeconds(40);
        String newToken = null;
        Instant newTokenIssued = null;
        while (Instant.now().isBefore(deadline)) {
            Instant seen = Instant.now();
            publishedKids().forEach(kid -> firstPublished.putIfAbsent(kid, seen));
            String token = login(user);
            if (!Jwt.header(token).getString("kid").equals(oldKid)) {
                newToken = token;
                newTokenIssued = Instant.now();
                break;
            }
            Thread.sleep(250);
        }

        assertTrue(newToken != null, "no token signed by a new key within 40 s");
        String newKid = Jwt.header(newToken).getString("kid");
        Instant published = firstPublished.get(newKid);
        assertTrue(published != null, "the new key signed before it was ever published");
        Duration publishedFor = Duration.between(published, newTokenIssued);
        assertTrue(publishedFor.compareTo(PUBLISH_LEAD.minusSeconds(2)) >= 0,
                "the new key was published only " + publishedFor + " before it signed");
        assertEquals(200, api.get("user", "Authorization", "Token " + newToken).status());
        assertEquals(200, api.get("user", "Authorization", "Token " + oldToken).status(), "old-key token refused");
        assertTrue(publishedKids().contains(oldKid), "the retired key is no longer published");
    }

    @Test
    public void anAdminCanStartARotationAndTheNewKeyIsPublishedAtOnce() {
        Registered admin = TestUsers.registerOrLogIn(api, ADMIN_EMAIL, "key_admin", TestUsers.STRONG_PASSWORD);

        Reply reply = api.post("admin/keys/rotate", "", "Authorization", "Token " + admin.token());

        assertEquals(200, reply.status(), reply::toString);
        Set<String> next = reply.jsonArray().getValuesAs(JsonObject.class).stream()
                .filter(key -> key.getString("state").equals("NEXT"))
                .map(key -> key.getString("kid"))
                .collect(Collectors.toSet());
        assertEquals(1, next.size(), reply::toString);
        assertTrue(publishedKids().containsAll(next));
        assertNotEquals(Jwt.header(admin.token()).getString("kid"), next.iterator().next());
    }

    @Test
    public void onlyAdminsMayRotate() {
        Registered user = TestUsers.register(api);

        assertEquals(403, api.post("admin/keys/rotate", "", "Authorization", "Token " + user.token()).status());
        assertEquals(401, api.post("admin/keys/rotate", "").status());
        assertEquals(403, api.get("admin/keys", "Authorization", "Token " + user.token()).status());
    }
}
