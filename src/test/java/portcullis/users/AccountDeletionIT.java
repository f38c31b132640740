package portcullis.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import portcullis.fixtures.TestUsers;
import portcullis.fixtures.TestUsers.Registered;
import portcullis.http.Api;
import portcullis.http.Reply;
import portcullis.servers.SharedServer;

/** Deleting an account: by its user with the password (either dialect's body) or by an administrator. */
@SharedServer(administered = true)
public class AccountDeletionIT {
    private static final String ADMIN_EMAIL = SharedServer.ADMIN_EMAIL;

    Api api;

    private Reply deleteOwn(Registered user, String body) {
        return api.deleteWith("user", body, "Authorization", "Token " + user.token());
    }

    private String login(Registered user) {
        return api.post("users/login", TestUsers.conduitLogin(user.email(), user.password())).user().getString("token");
    }

    @Test
    public void aUserDeletesTheirAccountWithTheirPasswordInEitherDialectsShape() {
        Registered conduit = TestUsers.register(api);
        Registered edumaps = TestUsers.register(api);

        assertEquals(204, deleteOwn(conduit, "{\"user\":{\"password\":\"" + conduit.password() + "\"}}").status());
        assertEquals(204, deleteOwn(edumaps, "{\"password\":\"" + edumaps.password() + "\"}").status());

        for (Registered gone : List.of(conduit, edumaps)) {
            assertEquals(401, api.post("users/login", TestUsers.conduitLogin(gone.email(), gone.password())).status());
        }
    }

    @Test
    public void deletionRevokesEveryTokenAndRemovesWhatWasAttached() {
        String admin = TestUsers.admin(api, ADMIN_EMAIL);
        String domain = "deletion-" + UUID.randomUUID().toString().substring(0, 8) + ".example";
        String service = "deletion-" + UUID.randomUUID().toString().substring(0, 8);
        api.post("admin/organisations", "{\"organisation\":{\"domain\":\"" + domain + "\",\"name\":\"D\"}}",
                "Authorization", admin);
        api.post("admin/integrations", "{\"integration\":{\"name\":\"" + service + "\",\"displayName\":\"D\"}}",
                "Authorization", admin);
        Registered user = TestUsers.register(api);
        api.put("admin/organisations/" + domain + "/members/" + user.id(), "", "Authorization", admin);
        String integration = api.post("user/integrations/" + service, "", "Authorization", "Token " + user.token())
                .json().getString("token");
        String other = login(user);

        assertEquals(204, deleteOwn(user, "{\"password\":\"" + user.password() + "\"}").status());

        for (String token : List.of(user.token(), other, integration)) {
            assertEquals(401, api.get("user", "Authorization", "Token " + token).status());
            assertEquals(401, api.post("auth/token", "", "Authorisation", token).status());
        }
        assertEquals(404, api.get("admin/users/" + user.id(), "Authorization", admin).status());
        assertEquals(0, api.get("admin/organisations/" + domain, "Authorization", admin).json()
                .getJsonObject("organisation").getInt("members"));
    }

    @Test
    public void theEmailAndUsernameBecomeFreeAndANewAccountIsAnotherSubject() {
        Registered old = TestUsers.register(api);
        String oldLogin = login(old);
        assertEquals(204, deleteOwn(old, "{\"password\":\"" + old.password() + "\"}").status());

        Registered reborn = TestUsers.register(api, old.email(), old.username(), "a-different-" + old.password());

        assertNotEquals(old.id(), reborn.id());
        assertEquals(401, api.get("user", "Authorization", "Token " + oldLogin).status());
        assertEquals(401, api.get("user", "Authorization", "Token " + old.token()).status());
        assertEquals(200, api.get("user", "Authorization", "Token " + reborn.token()).status());
        List<JsonObject> sessions = api.get("user/sessions", "Authorization", "Token " + reborn.token()).json()
                .getJsonArray("sessions").getValuesAs(JsonObject.class);
        assertEquals(1, sessions.size(), "only the new account's own session: " + sessions);
        assertEquals(200, api.post("auth/token", "", "Authorisation", reborn.token()).status());
    }

    @Test
    public void aWrongOrMissingPasswordDeletesNothing() {
        Registered user = TestUsers.register(api);

        Reply wrong = deleteOwn(user, "{\"password\":\"not the password\"}");
        assertEquals(403, wrong.status());
        assertEquals("is wrong", wrong.json().getJsonObject("errors").getJsonArray("password").getString(0));
        assertEquals(403, deleteOwn(user, "{\"user\":{}}").status());
        assertEquals(403, deleteOwn(user, "{}").status());
        Reply noBody = api.delete("user", "Authorization", "Token " + user.token());
        assertEquals(422, noBody.status(), noBody::toString);
        assertEquals(400, deleteOwn(user, "{\"password\":").status());

        assertEquals(200, api.get("user", "Authorization", "Token " + user.token()).status());
        assertEquals(200, api.post("users/login", TestUsers.conduitLogin(user.email(), user.password())).status());
    }

    @Test
    public void wrongPasswordsCountAsFailedLoginsSoAStolenTokenCannotGuessFaster() {
        Registered user = TestUsers.register(api);
        for (int i = 0; i < 5; i++) {
            assertEquals(403, deleteOwn(user, "{\"password\":\"guess " + i + "\"}").status());
        }

        Reply throttled = deleteOwn(user, "{\"password\":\"" + user.password() + "\"}");

        assertEquals(429, throttled.status(), throttled::toString);
        assertEquals(429, api.post("users/login", TestUsers.conduitLogin(user.email(), user.password())).status());
    }

    @Test
    public void anAdministratorDeletesAnAccountAndItIsAudited() {
        String admin = TestUsers.admin(api, ADMIN_EMAIL);
        Registered user = TestUsers.register(api);

        assertEquals(204, api.delete("admin/users/" + user.id(), "Authorization", admin).status());

        assertEquals(401, api.get("user", "Authorization", "Token " + user.token()).status());
        assertEquals(404, api.delete("admin/users/" + user.id(), "Authorization", admin).status());
        List<JsonObject> events = api.get("admin/events?kind=account-deleted&user=" + user.id(), "Authorization",
                admin).json().getJsonArray("events").getValuesAs(JsonObject.class);
        assertEquals(1, events.size(), events::toString);
        assertTrue(!events.get(0).isNull("actor")
                && !events.get(0).getString("actor").equals(String.valueOf(user.id())));
    }
}
