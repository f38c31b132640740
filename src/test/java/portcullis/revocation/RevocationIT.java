package portcullis.revocation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static portcullis.fixtures.TestUsers.conduitLogin;
import static portcullis.fixtures.TestUsers.edumapsLogin;

import org.junit.jupiter.api.Test;
import portcullis.fixtures.TestUsers;
import portcullis.fixtures.TestUsers.Registered;
import portcullis.http.Api;
import portcullis.http.Reply;
import portcullis.servers.SharedServer;

/** Logout, logout everywhere, password change, an admin's revocation and disabling, through both dialects. */
@SharedServer(administered = true)
public class RevocationIT {
    private static final String ADMIN_EMAIL = SharedServer.ADMIN_EMAIL;

    Api api;

    private String login(Registered user) {
        return api.post("users/login", conduitLogin(user.email(), user.password())).user().getString("token");
    }

    private int currentUser(String token) {
        return api.get("user", "Authorization", "Token " + token).status();
    }

    private int reauthenticate(String token) {
        return api.post("auth/token", "", "Authorisation", token).status();
    }

    private String adminToken() {
        return TestUsers.registerOrLogIn(api, ADMIN_EMAIL, "revocation_admin", TestUsers.STRONG_PASSWORD).token();
    }

    @Test
    public void logoutRevokesThePresentedTokenOnly() {
        Registered user = TestUsers.register(api);
        String other = login(user);

        assertEquals(204, api.post("auth/logout", "", "Authorization", "Token " + user.token()).status());

        assertEquals(401, currentUser(user.token()));
        assertEquals(401, reauthenticate(user.token()));
        assertEquals(200, currentUser(other));
    }

    @Test
    public void logoutWithoutATokenGets401() {
        assertEquals(401, api.post("auth/logout", "").status());
    }

    @Test
    public void logoutEverywhereRevokesEveryTokenOfTheUserButNotLaterLogins() {
        Registered user = TestUsers.register(api);
        String other = login(user);

        assertEquals(204, api.post("auth/logout/all", "", "Authorization", "Token " + user.token()).status());

        assertEquals(401, currentUser(user.token()));
        assertEquals(401, currentUser(other));
        assertEquals(200, currentUser(login(user)));
    }

    @Test
    public void passwordChangeEndsEveryOtherSessionButKeepsTheTokenThatMadeIt() {
        Registered user = TestUsers.register(api);
        String changer = login(user); // likely in the same second as the registration's token
        String other = login(user);

        Reply change = api.put("user", "{\"user\":{\"password\":\"Changed-" + TestUsers.STRONG_PASSWORD + "\"}}",
                "Authorization", "Token " + changer);

        assertEquals(200, change.status(), change::toString);
        assertEquals(200, currentUser(changer), "the client that changed the password was signed out");
        assertEquals(200, reauthenticate(changer));
        assertEquals(401, currentUser(user.token()), "an older session survived the password change");
        assertEquals(401, reauthenticate(other), "a later session survived the password change");
        String fresh = change.user().getString("token");
        assertEquals(200, currentUser(fresh));
        assertEquals(200, reauthenticate(fresh));
    }

    @Test
    public void anAdminCanRevokeEveryTokenOfAUser() {
        Registered user = TestUsers.register(api);

        Reply reply = api.post("admin/users/" + user.id() + "/revoke-tokens", "", "Authorization", "Token " + adminToken());

        assertEquals(204, reply.status(), reply::toString);
        assertEquals(401, currentUser(user.token()));
        assertEquals(200, currentUser(login(user)));
    }

    @Test
    public void aDisabledUserCannotLogInAndTheirTokensAreRefusedUntilEnabledAgain() {
        Registered user = TestUsers.register(api);
        String admin = adminToken();
        Reply wrongPassword = api.post("users/login", conduitLogin(user.email(), "not " + user.password()));

        assertEquals(204, api.post("admin/users/" + user.id() + "/disable", "", "Authorization", "Token " + admin).status());

        Reply refusedLogin = api.post("users/login", conduitLogin(user.email(), user.password()));
        assertEquals(401, refusedLogin.status());
        assertEquals(wrongPassword.body(), refusedLogin.body(), "a disabled account must not be told apart");
        assertEquals(401, api.post("auth/login", edumapsLogin(user.email(), user.password())).status());
        assertEquals(401, currentUser(user.token()));
        assertEquals(401, reauthenticate(user.token()));

        assertEquals(204, api.post("admin/users/" + user.id() + "/enable", "", "Authorization", "Token " + admin).status());

        assertEquals(200, currentUser(login(user)));
        assertEquals(401, currentUser(user.token()), "tokens from before the disabling stay revoked");
    }

    @Test
    public void onlyAdminsMayRevokeOrDisable() {
        Registered user = TestUsers.register(api);
        Registered victim = TestUsers.register(api);

        for (String action : new String[] {"revoke-tokens", "disable", "enable"}) {
            String path = "admin/users/" + victim.id() + "/" + action;
            Reply forbidden = api.post(path, "", "Authorization", "Token " + user.token());
            assertEquals(403, forbidden.status(), action);
            assertEquals("is not an administrator",
                    forbidden.json().getJsonObject("errors").getJsonArray("user").getString(0));
            assertEquals(401, api.post(path, "").status(), action);
        }
        assertEquals(200, currentUser(victim.token()));
    }

    @Test
    public void anUnknownUserGets404() {
        Reply reply = api.post("admin/users/999999999/disable", "", "Authorization", "Token " + adminToken());

        assertEquals(404, reply.status());
        assertEquals("not found", reply.json().getJsonObject("errors").getJsonArray("user").getString(0));
    }
}
