package portcullis.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import portcullis.fixtures.Jwt;
import portcullis.fixtures.TestUsers;
import portcullis.fixtures.TestUsers.Registered;
import portcullis.http.Api;
import portcullis.http.Reply;
import portcullis.servers.SharedServer;

/**
 * Administrator standing belongs to an account: the operator's bootstrap account has it from the start, an
 * administrator grants and takes it away, and no email grants it, not even one the old {@code admin-emails} key names.
 * Taking it away refuses every earlier token of the account at once; renewal answers one without {@code admin}.
 */
@SharedServer(administered = true)
public class AdminStandingIT {
    private static final String ADMIN_EMAIL = SharedServer.ADMIN_EMAIL;
    private static final String LEGACY_ADMIN_EMAIL = SharedServer.LEGACY_ADMIN_EMAIL;
    private static final List<String> ADMIN_ROUTES = List.of("admin/overview", "admin/users", "admin/keys",
            "admin/organisations", "admin/integrations", "admin/events");

    Api api;

    private String admin() {
        return TestUsers.admin(api, ADMIN_EMAIL);
    }

    private static List<String> groups(String token) {
        return Jwt.claims(token).getJsonArray("groups").getValuesAs(JsonString.class).stream()
                .map(JsonString::getString).sorted().toList();
    }

    private static Duration lifetime(String token) {
        JsonObject claims = Jwt.claims(token);
        return Duration.ofSeconds(claims.getJsonNumber("exp").longValue() - claims.getJsonNumber("iat").longValue());
    }

    private String logIn(Registered user) {
        Reply login = api.post("users/login", TestUsers.conduitLogin(user.email(), user.password()));
        assertEquals(200, login.status(), login::toString);
        return login.user().getString("token");
    }

    @Test
    public void theBootstrapAccountIsAnAdministratorFromTheStartWithAShortLivedToken() {
        String token = TestUsers.admin(api, ADMIN_EMAIL).substring("Token ".length());
        assertEquals(List.of("admin", "user"), groups(token));
        assertEquals(Duration.ofHours(1), lifetime(token), "admin tokens live portcullis.tokens.admin-lifetime");
        assertEquals(Duration.ofDays(60), lifetime(TestUsers.register(api).token()), "ordinary tokens keep 60 days");
        for (String route : ADMIN_ROUTES) {
            assertEquals(200, api.get(route, "Authorization", "Token " + token).status(), route);
        }
    }

    @Test
    public void noEmailMakesAnAdministratorNotByRegistrationNorByAChange() {
        Registered legacy = TestUsers.register(api, LEGACY_ADMIN_EMAIL.replace("@", "-" + unique() + "@"), "l_"
                + unique(), TestUsers.STRONG_PASSWORD);
        Reply registered = api.post("users", TestUsers.registration(LEGACY_ADMIN_EMAIL, "legacy_" + unique(),
                TestUsers.STRONG_PASSWORD));
        if (registered.status() == 201) { // first run on this database
            assertEquals(List.of("user"), groups(registered.user().getString("token")), "registered into admin");
        }
        Reply changed = api.put("user", "{\"user\":{\"email\":\"" + LEGACY_ADMIN_EMAIL.replace("@", "+x@") + "\"}}",
                "Authorization", "Token " + legacy.token());
        assertEquals(200, changed.status(), changed::toString);
        String token = changed.user().getString("token");
        assertEquals(List.of("user"), groups(token), "an email change made an administrator");
        for (String route : ADMIN_ROUTES) {
            assertEquals(403, api.get(route, "Authorization", "Token " + token).status(), route);
        }
    }

    @Test
    public void anAdministratorGrantsStandingWhichTheNextSignInCarriesAndTheAuditRecords() {
        String admin = admin();
        Registered user = TestUsers.register(api);
        assertEquals(403, api.get("admin/overview", "Authorization", "Token " + user.token()).status());

        assertEquals(204, api.put("admin/users/" + user.id() + "/administrator", "", "Authorization", admin).status());

        assertEquals(403, api.get("admin/overview", "Authorization", "Token " + user.token()).status(),
                "a token issued before the grant names no admin and opens nothing");
        String renewed = api.post("auth/token", "", "Authorisation", user.token()).json().getString("token");
        assertEquals(List.of("admin", "user"), groups(renewed), "renewal recomputes the groups");
        assertEquals(200, api.get("admin/overview", "Authorization", "Token " + logIn(user)).status());
        assertEquals(true, api.get("admin/users/" + user.id(), "Authorization", admin).json().getJsonObject("user")
                .getBoolean("administrator"));
        JsonObject event = api.get("admin/events?kind=administrator-granted&user=" + user.id(), "Authorization",
                admin).json().getJsonArray("events").getJsonObject(0);
        assertEquals(Jwt.claims(admin.substring(6)).getString("sub"), event.getString("actor"));
    }

    @Test
    public void takingStandingAwayRefusesEveryEarlierTokenAtOnceAndRenewalAnswersOneWithoutAdmin() {
        String admin = admin();
        Registered user = TestUsers.register(api);
        assertEquals(204, api.put("admin/users/" + user.id() + "/administrator", "", "Authorization", admin).status());
        String adminToken = logIn(user);
        assertEquals(200, api.get("admin/users", "Authorization", "Token " + adminToken).status());

        assertEquals(204, api.delete("admin/users/" + user.id() + "/administrator", "Authorization", admin).status());

        for (String route : ADMIN_ROUTES) {
            assertEquals(401, api.get(route, "Authorization", "Token " + adminToken).status(), route);
        }
        assertEquals(401, api.post("admin/keys/rotate", "", "Authorization", "Token " + adminToken).status());
        Reply renewed = api.post("auth/token", "", "Authorisation", adminToken);
        assertEquals(200, renewed.status(), renewed::toString);
        String token = renewed.json().getString("token");
        assertEquals(List.of("user"), groups(token));
        assertEquals(Duration.ofDays(60), lifetime(token));
        assertEquals(403, api.get("admin/overview", "Authorization", "Token " + token).status());
        assertEquals(List.of("user"), groups(logIn(user)));
        assertEquals(1, api.get("admin/events?kind=administrator-revoked&user=" + user.id(), "Authorization", admin)
                .json().getJsonArray("events").size());
    }

    @Test
    public void disablingAnAdministratorEndsTheirStandingTokens() {
        String admin = admin();
        Registered user = TestUsers.register(api);
        assertEquals(204, api.put("admin/users/" + user.id() + "/administrator", "", "Authorization", admin).status());
        String adminToken = logIn(user);

        assertEquals(204, api.post("admin/users/" + user.id() + "/disable", "", "Authorization", admin).status());

        assertEquals(401, api.get("admin/overview", "Authorization", "Token " + adminToken).status());
        assertEquals(401, api.post("auth/token", "", "Authorisation", adminToken).status());
    }

    @Test
    public void standingCanOnlyBeChangedByAnAdministrator() {
        Registered user = TestUsers.register(api);
        Registered other = TestUsers.register(api);
        assertEquals(403, api.put("admin/users/" + user.id() + "/administrator", "", "Authorization", "Token "
                + other.token()).status());
        assertEquals(401, api.put("admin/users/" + user.id() + "/administrator", "").status());
        assertEquals(404, api.put("admin/users/999999999/administrator", "", "Authorization", admin()).status());
        assertTrue(groups(logIn(user)).equals(List.of("user")));
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
