package portcullis.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import portcullis.fixtures.Deployments;
import portcullis.fixtures.Jwt;
import portcullis.fixtures.TestUsers;
import portcullis.fixtures.TestUsers.Registered;
import portcullis.http.Api;
import portcullis.http.Reply;
import portcullis.servers.OwnServers;
import portcullis.servers.PayaraMicroProcess;

/**
 * The emergency retirement of a leaked signing key on one server (the cluster's is in ClusterIT). A process of its
 * own, so that the test can read the audit line.
 */
@OwnServers
public class KeyRetirementIT {
    private static final String ADMIN_EMAIL = "key-retirer@portcullis.test";

    private static PayaraMicroProcess server;
    private static Api api;

    @BeforeAll
    static void start() throws IOException {
        server = PayaraMicroProcess.start(Deployments.BUILT_WAR.toPath(),
                Path.of(System.getProperty("portcullis.target", "target"), "key-retirement-data"), "key-retirement",
                Map.of("portcullis.admin.bootstrap-email", ADMIN_EMAIL,
                "portcullis.admin.bootstrap-password", TestUsers.STRONG_PASSWORD, "portcullis.users.bcrypt-cost", "4"),
                "api/user");
        api = new Api(server.base());
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static String admin() {
        return "Token " + TestUsers.registerOrLogIn(api, ADMIN_EMAIL, "key_retirer", TestUsers.STRONG_PASSWORD).token();
    }

    private static List<JsonObject> keys(String admin) {
        return api.get("admin/keys", "Authorization", admin).jsonArray().getValuesAs(JsonObject.class);
    }

    private static String kidIn(String state, List<JsonObject> keys) {
        return keys.stream().filter(key -> key.getString("state").equals(state)).map(key -> key.getString("kid"))
                .findFirst().orElse(null);
    }

    private static boolean published(String kid) {
        return api.get("../.well-known/jwks.json").body().contains("\"" + kid + "\"");
    }

    private static int status(Registered user) {
        return api.get("user", "Authorization", "Token " + user.token()).status();
    }

    @Test
    public void retiringTheActiveKeyRefusesItsTokensAtOnceAndAnotherKeySignsAtOnce() throws IOException {
        Registered user = TestUsers.register(api);
        String leaked = Jwt.header(user.token()).getString("kid");
        assertEquals(200, status(user)); // now in the cache of verified tokens
        String admin = admin();

        Reply retired = api.post("admin/keys/" + leaked + "/retire-now", "", "Authorization", admin);
        assertEquals(200, retired.status(), retired::toString);
        List<JsonObject> after = retired.jsonArray().getValuesAs(JsonObject.class);
        assertTrue(after.stream().noneMatch(key -> key.getString("kid").equals(leaked)), after::toString);
        String fresh = kidIn("ACTIVE", after);
        assertNotEquals(null, fresh);

        assertEquals(401, status(user), "a token of the retired key is still accepted (from the cache?)");
        assertFalse(published(leaked), "the retired key is still published");
        assertEquals(401, api.get("admin/keys", "Authorization", admin).status(),
                "the administrator's own token was signed by the retired key too");

        Reply login = api.post("users/login", TestUsers.conduitLogin(user.email(), user.password()));
        assertEquals(200, login.status());
        String newToken = login.user().getString("token");
        assertEquals(fresh, Jwt.header(newToken).getString("kid"), "new tokens are signed by the fresh key at once");
        assertEquals(200, api.get("user", "Authorization", "Token " + newToken).status());

        assertTrue(server.log().contains("{\"audit\":\"key-retired-now\",\"outcome\":\"success\""), "no audit line");
        assertTrue(server.log().contains("\"kid\":\"" + leaked + "\""), "the audit line does not name the key");
    }

    @Test
    public void aPublishedNextKeyTakesOverWithoutWaitingForItsPublishLead() {
        String admin = admin();
        List<JsonObject> rotating = api.post("admin/keys/rotate", "", "Authorization", admin).jsonArray()
                .getValuesAs(JsonObject.class);
        String active = kidIn("ACTIVE", rotating);
        String next = kidIn("NEXT", rotating);
        assertNotEquals(null, next, rotating::toString);

        Reply retired = api.post("admin/keys/" + active + "/retire-now", "", "Authorization", admin);
        assertEquals(200, retired.status(), retired::toString);
        assertEquals(next, kidIn("ACTIVE", retired.jsonArray().getValuesAs(JsonObject.class)),
                "the NEXT key, already known to verifiers, should sign now");
        Registered user = TestUsers.register(api);
        assertEquals(next, Jwt.header(user.token()).getString("kid"));
    }

    @Test
    public void retiringAKeyThatDoesNotSignLeavesTheSigningKeyAlone() {
        String admin = admin();
        List<JsonObject> rotating = api.post("admin/keys/rotate", "", "Authorization", admin).jsonArray()
                .getValuesAs(JsonObject.class);
        String active = kidIn("ACTIVE", rotating);
        String next = kidIn("NEXT", rotating);
        Registered user = TestUsers.register(api);

        assertEquals(200, api.post("admin/keys/" + next + "/retire-now", "", "Authorization", admin).status());
        assertFalse(published(next));
        assertTrue(published(active));
        assertEquals(200, status(user), "tokens of the active key stay valid");
        assertEquals(active, kidIn("ACTIVE", keys(admin)));
    }

    @Test
    public void onlyAdministratorsRetireKeysAndUnknownKeysAreNotFound() {
        Registered user = TestUsers.register(api);
        String kid = Jwt.header(user.token()).getString("kid");
        Reply notAdmin = api.post("admin/keys/" + kid + "/retire-now", "", "Authorization", "Token " + user.token());
        assertEquals(403, notAdmin.status(), notAdmin::toString);
        assertEquals(401, api.post("admin/keys/" + kid + "/retire-now", "").status());
        assertTrue(published(kid));

        Reply unknown = api.post("admin/keys/no-such-key/retire-now", "", "Authorization", admin());
        assertEquals(404, unknown.status(), unknown::toString);
        assertEquals("{\"errors\":{\"key\":[\"not found\"]}}", unknown.body());
        Reply hostile = api.post("admin/keys/%27%20OR%201%3D1/retire-now", "", "Authorization", admin());
        assertEquals(404, hostile.status(), hostile::toString);
    }
}
