package portcullis.integrations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import portcullis.fixtures.Jwt;
import portcullis.fixtures.TestUsers;
import portcullis.fixtures.TestUsers.Registered;
import portcullis.http.Api;
import portcullis.http.Reply;
import portcullis.servers.SharedServer;
import portcullis.tokens.TokenMintResource;

/** The integrations catalogue, enabling and disabling services, and what integration tokens may and may not do. */
@SharedServer(administered = true)
public class IntegrationsIT {
    private static final String ADMIN_EMAIL = SharedServer.ADMIN_EMAIL;

    Api api;

    private String admin() {
        return TestUsers.admin(api, ADMIN_EMAIL);
    }

    private String service() {
        String name = "svc-" + UUID.randomUUID().toString().substring(0, 8);
        Reply created = api.post("admin/integrations",
                "{\"integration\":{\"name\":\"" + name + "\",\"displayName\":\"Service " + name + "\"}}",
                "Authorization", admin());
        assertEquals(201, created.status(), created::toString);
        return name;
    }

    private String enable(Registered user, String service) {
        Reply granted = api.post("user/integrations/" + service, "", "Authorization", "Token " + user.token());
        assertEquals(200, granted.status(), granted::toString);
        assertEquals(service, granted.json().getJsonObject("integration").getString("name"));
        assertTrue(granted.json().getJsonObject("integration").getBoolean("enabled"));
        return granted.json().getString("token");
    }

    private static List<String> strings(JsonObject object, String name) {
        return object.getJsonArray(name).getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }

    @Test
    public void usersSeeTheCatalogueAndWhatTheyEnabledAlsoInTheEdumapsAnswer() {
        String calendar = service();
        String maps = service();
        Registered user = TestUsers.register(api);

        enable(user, maps);

        List<JsonObject> catalogue = api.get("integrations", "Authorization", "Token " + user.token()).json()
                .getJsonArray("integrations").getValuesAs(JsonObject.class);
        JsonObject calendarEntry = catalogue.stream().filter(entry -> entry.getString("name").equals(calendar))
                .findFirst().orElseThrow();
        JsonObject mapsEntry = catalogue.stream().filter(entry -> entry.getString("name").equals(maps))
                .findFirst().orElseThrow();
        assertFalse(calendarEntry.getBoolean("enabled"));
        assertTrue(mapsEntry.getBoolean("enabled"));
        assertEquals("Service " + maps, mapsEntry.getString("displayName"));
        JsonObject login = api.post("auth/login", TestUsers.edumapsLogin(user.email(), user.password())).json();
        assertEquals(List.of(maps), strings(login.getJsonObject("data"), "integrations"));
    }

    @Test
    public void anIntegrationTokenIsForTheServiceAloneAndCarriesNoAdminGroup() {
        String service = service();
        Registered admin = TestUsers.registerOrLogIn(api, ADMIN_EMAIL, "integrations_admin", TestUsers.STRONG_PASSWORD);

        String token = enable(admin, service);

        JsonObject claims = Jwt.claims(token);
        assertEquals(service, claims.getString("aud"));
        assertEquals(service, claims.getString("azp"));
        assertEquals(String.valueOf(admin.id()), claims.getString("sub"));
        assertEquals(List.of("user"), strings(claims, "groups"));
        assertEquals(403, api.get("admin/users", "Authorization", "Token " + token).status());
    }

    @Test
    public void theServiceReadsTheUserAndReauthenticatesButCannotActAsTheUser() {
        String service = service();
        Registered user = TestUsers.register(api);
        String token = enable(user, service);
        String bearer = "Token " + token;

        assertEquals(user.email(), api.get("user", "Authorization", bearer).user().getString("email"));
        Reply reauthenticated = api.post("auth/token", "", "Authorisation", token);
        assertEquals(200, reauthenticated.status(), reauthenticated::toString);
        String fresh = reauthenticated.json().getString("token");
        assertNotEquals(token, fresh);
        assertEquals(service, Jwt.claims(fresh).getString("azp"), "a fresh integration token, for the same service");
        assertEquals(List.of(service), strings(reauthenticated.json().getJsonObject("data"), "integrations"));

        List<Reply> refused = List.of(
                api.put("user", "{\"user\":{\"password\":\"Another-Strong-Passphrase-92\"}}", "Authorization", bearer),
                api.put("user", "{\"user\":{\"bio\":\"hello\"}}", "Authorization", bearer),
                api.deleteWith("user", "{\"password\":\"" + user.password() + "\"}", "Authorization", bearer),
                api.get("user/sessions", "Authorization", bearer),
                api.get("integrations", "Authorization", bearer),
                api.post("user/integrations/" + service, "", "Authorization", bearer),
                api.delete("user/integrations/" + service, "Authorization", bearer),
                api.post("auth/logout/all", "", "Authorization", bearer));
        for (Reply reply : refused) {
            assertEquals(403, reply.status(), reply::toString);
            assertEquals("is an integration token; this needs the user's own token",
                    reply.json().getJsonObject("errors").getJsonArray("token").getString(0));
        }
        assertEquals(200, api.post("users/login", TestUsers.conduitLogin(user.email(), user.password())).status(),
                "the password is unchanged");
    }

    @Test
    public void disablingAServiceRevokesEveryTokenItHoldsAndNoOther() {
        String service = service();
        String other = service();
        Registered user = TestUsers.register(api);
        String first = enable(user, service);
        String second = enable(user, service);
        String reissued = api.post("auth/token", "", "Authorisation", first).json().getString("token");
        String otherToken = enable(user, other);

        assertEquals(204, api.delete("user/integrations/" + service, "Authorization", "Token " + user.token())
                .status());

        for (String revoked : List.of(first, second, reissued)) {
            assertEquals(401, api.get("user", "Authorization", "Token " + revoked).status());
            assertEquals(401, api.post("auth/token", "", "Authorisation", revoked).status());
        }
        assertEquals(200, api.get("user", "Authorization", "Token " + otherToken).status());
        assertEquals(200, api.get("user", "Authorization", "Token " + user.token()).status());
        JsonObject data = api.post("auth/login", TestUsers.edumapsLogin(user.email(), user.password())).json()
                .getJsonObject("data");
        assertEquals(List.of(other), strings(data, "integrations"));
        assertEquals(404, api.delete("user/integrations/" + service, "Authorization", "Token " + user.token())
                .status(), "not enabled any more");
    }

    @Test
    public void aPasswordChangeRevokesTheUsersIntegrationTokensToo() {
        Registered user = TestUsers.register(api);
        String token = enable(user, service());
        assertEquals(200, api.get("user", "Authorization", "Token " + token).status());

        assertEquals(200, api.put("user", "{\"user\":{\"password\":\"Changed-" + TestUsers.STRONG_PASSWORD + "\"}}",
                "Authorization", "Token " + user.token()).status());

        assertEquals(401, api.get("user", "Authorization", "Token " + token).status());
        assertEquals(401, api.post("auth/token", "", "Authorisation", token).status());
        assertEquals(200, api.get("user", "Authorization", "Token " + user.token()).status());
    }

    @Test
    public void removingAServiceFromTheCatalogueRevokesEveryUsersTokensForIt() {
        String service = service();
        Registered alice = TestUsers.register(api);
        Registered bob = TestUsers.register(api);
        String aliceToken = enable(alice, service);
        String bobToken = enable(bob, service);

        assertEquals(204, api.delete("admin/integrations/" + service, "Authorization", admin()).status());

        assertEquals(401, api.get("user", "Authorization", "Token " + aliceToken).status());
        assertEquals(401, api.get("user", "Authorization", "Token " + bobToken).status());
        assertTrue(api.get("integrations", "Authorization", "Token " + alice.token()).json()
                .getJsonArray("integrations").getValuesAs(JsonObject.class).stream()
                .noneMatch(entry -> entry.getString("name").equals(service)));
        assertEquals(404, api.post("user/integrations/" + service, "", "Authorization", "Token " + alice.token())
                .status());
    }

    @Test
    public void administratorsMaintainTheCatalogueWithClearErrors() {
        String admin = admin();
        String service = service();

        JsonObject renamed = api.put("admin/integrations/" + service,
                "{\"integration\":{\"displayName\":\"Renamed\"}}", "Authorization", admin).json()
                .getJsonObject("integration");
        assertEquals("Renamed", renamed.getString("displayName"));
        assertTrue(api.get("admin/integrations", "Authorization", admin).json().getJsonArray("integrations")
                .getValuesAs(JsonObject.class).stream().anyMatch(entry -> entry.getString("name").equals(service)));

        Reply taken = api.post("admin/integrations",
                "{\"integration\":{\"name\":\"" + service + "\",\"displayName\":\"Again\"}}", "Authorization", admin);
        assertEquals(422, taken.status());
        assertTrue(taken.json().getJsonObject("errors").containsKey("name"));
        for (String bad : List.of("Upper", "-leading", "with space", "x".repeat(65), "")) {
            Reply refused = api.post("admin/integrations",
                    "{\"integration\":{\"name\":\"" + bad + "\",\"displayName\":\"Bad\"}}", "Authorization", admin);
            assertEquals(422, refused.status(), () -> bad + ": " + refused);
            assertTrue(refused.json().getJsonObject("errors").containsKey("name"), refused::toString);
        }
        assertEquals(404, api.put("admin/integrations/no-such-service", "{\"integration\":{\"displayName\":\"X\"}}",
                "Authorization", admin).status());
        assertEquals(404, api.delete("admin/integrations/no-such-service", "Authorization", admin).status());
        Registered user = TestUsers.register(api);
        assertEquals(403, api.post("admin/integrations", "{\"integration\":{\"name\":\"mine\",\"displayName\":\"M\"}}",
                "Authorization", "Token " + user.token()).status());
    }

    @Test
    public void aTokenNamingAnAuthorisedPartyMustHaveThatPartyAsItsOnlyAudience() {
        String service = service();
        Registered user = TestUsers.register(api);
        String claims = Jwt.claims(enable(user, service)).toString();
        String audience = "\"aud\":\"" + service + "\"";

        assertEquals(200, statusOf(mint(claims)), "the same claims, signed again: the control");
        String users = "\"aud\":\"" + TokenMintResource.AUDIENCE + "\"";
        assertEquals(401, statusOf(mint(claims.replace(audience, users))));
        assertEquals(401, statusOf(mint(claims.replace(audience,
                "\"aud\":[\"" + service + "\",\"" + TokenMintResource.AUDIENCE + "\"]"))));
        assertEquals(401, statusOf(mint(claims.replace("\"azp\":\"" + service + "\"", "\"azp\":\"\""))));
    }

    private String mint(String claims) {
        Reply minted = api.post("test/mint", "{\"header\":{\"alg\":\"RS256\",\"typ\":\"JWT\"},\"claims\":"
                + claims + "}");
        assertEquals(200, minted.status(), minted::toString);
        return minted.body();
    }

    private int statusOf(String token) {
        return api.get("user", "Authorization", "Token " + token).status();
    }
}
