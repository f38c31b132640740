package portcullis.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import portcullis.fixtures.Jwt;
import portcullis.fixtures.TestUsers;
import portcullis.http.Api;
import portcullis.http.Reply;
import portcullis.servers.Neighbour;
import portcullis.servers.SharedServer;
import portcullis.servers.Slapd;

/**
 * Logins checked by a real OpenLDAP over {@code ldaps://} (after a first URL that refuses connections): both
 * dialects, the shadow account and its refresh, nested groups (with a cycle) mapped to token groups and
 * organisations, injection attempts, blank passwords that never bind, disabled and removed people, a password the
 * directory keeps, and local accounts beside the directory.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@SharedServer(configuredBy = "configuration")
public class DirectoryIT {
    static final String PASSWORD = "Wonderland-Rabbit-42";
    private static final String OPS = "ops@local.example";
    @RegisterExtension
    static final Neighbour<Slapd> DIRECTORY = Neighbour.of(() -> Slapd.start("directory-it",
            "directory/people.ldif"));

    Api api;

    static List<String> configuration() {
        List<String> lines = new ArrayList<>(List.of("portcullis.admin.bootstrap-email=" + OPS,
                "portcullis.admin.bootstrap-password=" + TestUsers.STRONG_PASSWORD, "portcullis.users.bcrypt-cost=4",
                "portcullis.throttling.account-failures=20", "portcullis.throttling.address-failures=1000",
                "portcullis.directory.group-roles=engineers=developer,admins=admin,loop-a=looper",
                "portcullis.directory.group-organisations=engineers=corp.example,platform=platform.corp.example"));
        lines.addAll(DIRECTORY.get().portcullisSettings("ldaps://127.0.0.1:1," + DIRECTORY.get().ldapsUrl()));
        return lines;
    }

    private Reply conduitLogin(String login, String password) {
        return api.post("users/login", Json.createObjectBuilder().add("user", Json.createObjectBuilder()
                .add("email", login).add("password", password)).build().toString());
    }

    private static List<String> strings(JsonObject object, String name) {
        return object.getJsonArray(name).getValuesAs(JsonString::getString);
    }

    @Test
    @Order(1)
    void aDirectoryUserLogsInWithConduitAndGetsAShadowAccountWithMappedGroupsAndOrganisations() {
        Reply login = conduitLogin("alice@corp.example", PASSWORD);
        assertEquals(200, login.status(), login::toString);
        JsonObject claims = Jwt.claims(login.user().getString("token"));
        assertEquals("alice@corp.example", claims.getString("upn"));
        assertEquals(List.of("admin", "developer", "user"), strings(claims, "groups").stream().sorted().toList());
        assertEquals(List.of("corp.example"), strings(claims, "belongsTo"));
        assertEquals("alice", login.user().getString("username"));

        Reply me = api.get("user", "Authorization", "Token " + login.user().getString("token"));
        assertEquals(200, me.status(), me::toString);
        assertEquals("alice@corp.example", me.user().getString("email"));
    }

    @Test
    @Order(2)
    void edumapsLogsInByUidIntoTheSameAccountAndReauthenticates() {
        String id = Jwt.claims(conduitLogin("alice@corp.example", PASSWORD).user().getString("token"))
                .getString("sub");
        Reply login = api.post("auth/login", TestUsers.edumapsLogin("alice", PASSWORD));
        assertEquals(200, login.status(), login::toString);
        JsonObject data = login.json().getJsonObject("data");
        assertEquals(id, data.getString("_id"));
        assertEquals(List.of("corp.example"), strings(data, "belongsTo"));

        Reply fresh = api.post("auth/token", "", "Authorisation", login.json().getString("token"));
        assertEquals(200, fresh.status(), fresh::toString);
        assertEquals(id, fresh.json().getJsonObject("data").getString("_id"));
    }

    @Test
    @Order(3)
    void nestedGroupsAreFollowedThroughACycle() {
        Reply login = conduitLogin("bob", PASSWORD);
        assertEquals(200, login.status(), login::toString);
        JsonObject claims = Jwt.claims(login.user().getString("token"));
        // platform (direct) is in engineers: developer; loop-a (direct) and loop-b contain each other: looper
        assertEquals(List.of("developer", "looper", "user"), strings(claims, "groups").stream().sorted().toList());
        assertEquals(List.of("corp.example", "platform.corp.example"), strings(claims, "belongsTo"));
    }

    @Test
    @Order(4)
    void injectionAttemptsLogNobodyIn() {
        for (String login : List.of("*", "alice*", "al*ce", "*)(uid=*", ")(|(objectClass=*)", "*)(|(uid=*",
                "alice)(objectClass=*", "uid=alice,ou=staff,dc=example,dc=com", "alice\u0000", "\\2a", "alice\\",
                "cn=admin,dc=example,dc=com")) {
            Reply reply = api.post("users/login", Json.createObjectBuilder().add("user", Json.createObjectBuilder()
                    .add("email", login).add("password", PASSWORD)).build().toString());
            assertEquals(401, reply.status(), login + ": " + reply);
            assertEquals("{\"errors\":{\"email or password\":[\"is invalid\"]}}", reply.body(), login);
        }
        Reply service = conduitLogin("cn=admin,dc=example,dc=com", Slapd.ROOT_PASSWORD);
        assertEquals(401, service.status(), "the service account is no login");
    }

    @Test
    @Order(5)
    void aNameWithFilterAndDnMetacharactersLogsInAsItself() {
        Reply login = conduitLogin("dave,jr+(x)*", PASSWORD);
        assertEquals(200, login.status(), login::toString);
        assertEquals("dave.jr@corp.example", login.user().getString("email"));
        assertEquals("dave_jr__x__", login.user().getString("username"));
        assertEquals(401, conduitLogin("dave,jr+(x)", PASSWORD).status());
    }

    @Test
    @Order(6)
    void blankPasswordsNeverReachTheDirectory() {
        long binds = DIRECTORY.get().completedBinds();
        for (String password : List.of("", " ", "   ", "\t")) {
            assertEquals(401, conduitLogin("alice", password).status(), "[" + password + "]");
        }
        assertEquals(401, api.post("users/login", "{\"user\":{\"email\":\"alice\"}}").status());
        // Portcullis made no bind; the one counted is ldapsearch's own, reading the count
        assertEquals(binds + 1, DIRECTORY.get().completedBinds());
    }

    @Test
    @Order(7)
    void unknownWrongAndDisabledAllGetTheSameAnswer() {
        Reply unknown = conduitLogin("nobody@corp.example", PASSWORD);
        Reply wrong = conduitLogin("alice", "Wrong-Password-1");
        Reply disabled = conduitLogin("carol", PASSWORD);
        for (Reply reply : List.of(unknown, wrong, disabled)) {
            assertEquals(401, reply.status(), reply::toString);
            assertEquals("{\"errors\":{\"email or password\":[\"is invalid\"]}}", reply.body());
        }
    }

    @Test
    @Order(8)
    void theDirectoryKeepsThePassword() {
        String token = conduitLogin("alice", PASSWORD).user().getString("token");
        Reply change = api.put("user", "{\"user\":{\"password\":\"Another-Strong-Pass-9\"}}",
                "Authorization", "Token " + token);
        assertEquals(422, change.status(), change::toString);
        assertEquals("{\"errors\":{\"password\":[\"is managed by the directory; change it there\"]}}", change.body());
        Reply bio = api.put("user", "{\"user\":{\"bio\":\"from the directory\"}}", "Authorization", "Token " + token);
        assertEquals(200, bio.status(), "other fields stay the user's");

        String admin = TestUsers.admin(api, OPS);
        long id = Long.parseLong(Jwt.claims(token).getString("sub"));
        assertEquals(422, api.put("admin/users/" + id + "/password", "{\"password\":\"Another-Strong-Pass-9\"}",
                "Authorization", admin).status());
        assertEquals("directory", api.get("admin/users/" + id, "Authorization", admin).json().getJsonObject("user")
                .getString("managedBy"));
    }

    @Test
    @Order(9)
    void localAccountsWorkBesideTheDirectoryAndAreNeverTakenOver() {
        String admin = TestUsers.admin(api, OPS); // a local break-glass administrator
        assertEquals(200, api.get("admin/users?q=alice", "Authorization", admin).status());

        TestUsers.register(api, "frank@local.example", "frank_local", TestUsers.STRONG_PASSWORD);
        assertEquals(200, conduitLogin("frank@local.example", TestUsers.STRONG_PASSWORD).status());
        assertEquals(401, conduitLogin("frank@local.example", PASSWORD).status(),
                "a local account's login name is checked with its local password only");
        Reply byUid = conduitLogin("frank", PASSWORD);
        assertEquals(409, byUid.status(), byUid::toString);
        assertTrue(byUid.body().contains("belongs to another Portcullis account"), byUid::toString);
    }

    @Test
    @Order(10)
    void administratorsDisableEnableAndDeleteDirectoryUsers() {
        String admin = TestUsers.admin(api, OPS);
        Reply first = conduitLogin("dave.jr@corp.example", PASSWORD);
        long id = Long.parseLong(Jwt.claims(first.user().getString("token")).getString("sub"));

        assertEquals(204, api.post("admin/users/" + id + "/disable", "", "Authorization", admin).status());
        assertEquals(401, conduitLogin("dave.jr@corp.example", PASSWORD).status());
        assertEquals(401, api.get("user", "Authorization", "Token " + first.user().getString("token")).status());
        assertEquals(204, api.post("admin/users/" + id + "/enable", "", "Authorization", admin).status());
        assertEquals(200, conduitLogin("dave.jr@corp.example", PASSWORD).status());

        assertEquals(204, api.delete("admin/users/" + id, "Authorization", admin).status());
        Reply again = conduitLogin("dave.jr@corp.example", PASSWORD);
        assertEquals(200, again.status(), "the next login makes a new shadow account");
        assertNotEquals(String.valueOf(id), Jwt.claims(again.user().getString("token")).getString("sub"));
    }

    @Test
    @Order(11)
    void changesInTheDirectoryShowAtRenewalAndTheNextLoginAndLostGroupsOutdateEarlierTokens() {
        String before = conduitLogin("alice", PASSWORD).user().getString("token");
        assertEquals(200, api.get("admin/overview", "Authorization", "Token " + before).status());
        DIRECTORY.get().change("""
                dn: uid=alice,ou=staff,dc=example,dc=com
                changetype: modify
                replace: cn
                cn: Alice Pleasance Liddell

                dn: cn=admins,ou=groups,dc=example,dc=com
                changetype: modify
                delete: member
                member: uid=alice,ou=staff,dc=example,dc=com
                -
                add: member
                member: uid=bob,ou=contractors,dc=example,dc=com
                """);
        Reply renewed = api.post("auth/token", "", "Authorisation", before);
        assertEquals(200, renewed.status(), renewed::toString);
        assertEquals(List.of("developer", "user"), strings(Jwt.claims(renewed.json().getString("token")), "groups")
                .stream().sorted().toList(), "renewal kept the group the directory took away");
        assertEquals(401, api.get("admin/overview", "Authorization", "Token " + before).status(),
                "the earlier token still opens the admin API");
        assertEquals(403, api.get("admin/overview", "Authorization", "Token " + renewed.json().getString("token"))
                .status());
        Reply after = conduitLogin("alice", PASSWORD);
        assertEquals(200, after.status(), after::toString);
        JsonObject claims = Jwt.claims(after.user().getString("token"));
        assertEquals(List.of("developer", "user"), strings(claims, "groups").stream().sorted().toList());
        assertEquals(401, api.get("user", "Authorization", "Token " + before).status(),
                "the earlier token still says admin");

        String admin = TestUsers.admin(api, OPS);
        Reply seen = api.get("admin/users/" + claims.getString("sub"), "Authorization", admin);
        assertEquals("Alice Pleasance Liddell", seen.json().getJsonObject("user").getString("name"));
    }

    @Test
    @Order(13)
    void throttlingStopsGuessesBeforeTheyReachTheDirectory() {
        int refused = 0;
        for (int i = 0; i < 25 && refused == 0; i++) {
            int status = conduitLogin("bob", "Guess-Number-" + i).status();
            refused = status == 429 ? i : 0;
            assertTrue(status == 401 || status == 429, "attempt " + i + ": " + status);
        }
        assertTrue(refused > 0, "throttled within 25 guesses");
        long binds = DIRECTORY.get().completedBinds();
        for (int i = 0; i < 5; i++) {
            assertEquals(429, conduitLogin("bob", DirectoryIT.PASSWORD).status(), "even the right password waits");
        }
        assertEquals(binds + 1, DIRECTORY.get().completedBinds(),
                "no bind while throttled (the one counted is the count's)");
    }

    @Test
    @Order(15)
    void everySpellingOfANameSharesOneFailureCounter() {
        // As the directory matches names (RFC 4518): width, case, spaces, characters mapped to nothing
        List<String> spellings = List.of("gina", "\uFF27\uFF29\uFF2E\uFF21", " Gina\u00A0", "gi\u00ADna",
                "G\u200Bina", "GINA  ");
        for (int i = 0; i < 20; i++) { // portcullis.throttling.account-failures here
            int status = conduitLogin(spellings.get(i % spellings.size()), "Wrong-Guess-" + i).status();
            assertEquals(401, status, "guess " + i + " (" + spellings.get(i % spellings.size()) + ")");
        }
        long binds = DIRECTORY.get().completedBinds();
        for (String spelling : spellings) {
            assertEquals(429, conduitLogin(spelling, "Another-Guess").status(), "a new spelling bought new guesses");
            assertEquals(429, conduitLogin(spelling, PASSWORD).status(), "the right password tells itself apart");
        }
        assertEquals(429, conduitLogin("gina\u00A0\u00A0", PASSWORD).status());
        assertEquals(binds + 1, DIRECTORY.get().completedBinds(),
                "a guess reached the directory while throttled");
    }

    @Test
    @Order(14)
    void hostileEntriesAreCutToSizeOrRefusedNeverA500() {
        Reply gina = conduitLogin("gina", PASSWORD);
        assertEquals(200, gina.status(), gina::toString);
        String admin = TestUsers.admin(api, OPS);
        String name = api.get("admin/users/" + Jwt.claims(gina.user().getString("token")).getString("sub"),
                "Authorization", admin).json().getJsonObject("user").getString("name");
        assertEquals(128, name.length(), "a 305-character name, cut to what an account holds");

        Reply hank = conduitLogin("hank", PASSWORD);
        assertEquals(401, hank.status(), "an entry whose email is none cannot sign in: " + hank);
    }

    @Test
    @Order(12)
    void someoneRemovedFromTheDirectoryCannotLogInOrRenewAndTheirTokensAreRevoked() {
        Reply login = api.post("auth/login", TestUsers.edumapsLogin("erin", PASSWORD));
        assertEquals(200, login.status(), login::toString);
        String token = login.json().getString("token");
        DIRECTORY.get().change("""
                dn: uid=erin,ou=contractors,dc=example,dc=com
                changetype: delete
                """);
        assertEquals(401, api.post("auth/token", "", "Authorisation", token).status());
        assertEquals(401, api.get("user", "Authorization", "Token " + token).status(), "revoked at the renewal");
        assertEquals(401, api.post("auth/login", TestUsers.edumapsLogin("erin", PASSWORD)).status());
    }
}
