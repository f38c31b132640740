package portcullis.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import portcullis.fixtures.Jwt;
import portcullis.fixtures.TestUsers;
import portcullis.fixtures.TestUsers.Registered;
import portcullis.http.Api;
import portcullis.http.Reply;
import portcullis.servers.SharedServer;

/** The admin API on users and security events: search, create, read, password, disable, sessions, throttling. */
@Tag("slow")
@SharedServer(administered = true)
public class AdminApiIT {
    static final String ADMIN_EMAIL = SharedServer.ADMIN_EMAIL;

    Api api;

    private String admin() {
        return TestUsers.admin(api, ADMIN_EMAIL);
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private static List<String> emails(Reply page) {
        return page.json().getJsonArray("users").getValuesAs(JsonObject.class).stream()
                .map(user -> user.getString("email")).toList();
    }

    private JsonObject details(String admin, long id) {
        Reply reply = api.get("admin/users/" + id, "Authorization", admin);
        assertEquals(200, reply.status(), reply::toString);
        return reply.json().getJsonObject("user");
    }

    @Test
    public void searchFindsUsersByPartOfTheEmailOrUsernameInAnyCaseAndByOrganisation() {
        String admin = admin();
        String tag = unique();
        Registered byEmail = TestUsers.register(api, "Find-" + tag + "@example.com", "plain_" + unique(),
                TestUsers.STRONG_PASSWORD);
        Registered byName = TestUsers.register(api, "other-" + unique() + "@example.com", "Named_" + tag,
                TestUsers.STRONG_PASSWORD);
        Registered neither = TestUsers.register(api);
        String domain = "search-" + tag + ".example";
        api.post("admin/organisations", "{\"organisation\":{\"domain\":\"" + domain + "\",\"name\":\"S\"}}",
                "Authorization", admin);
        api.put("admin/organisations/" + domain + "/members/" + byName.id(), "", "Authorization", admin);

        assertEquals(List.of(byEmail.email(), byName.email()),
                emails(api.get("admin/users?q=" + tag.toUpperCase(), "Authorization", admin)));
        assertEquals(List.of(byName.email()),
                emails(api.get("admin/users?organisation=" + domain, "Authorization", admin)));
        assertEquals(List.of(byName.email()),
                emails(api.get("admin/users?q=named_&organisation=" + domain, "Authorization", admin)));
        assertFalse(emails(api.get("admin/users?q=" + tag, "Authorization", admin)).contains(neither.email()));
        assertEquals(List.of(), emails(api.get("admin/users?q=%25", "Authorization", admin)),
                "% is matched literally, not as a wildcard");
        assertEquals(404, api.get("admin/users?organisation=none-" + tag + ".example", "Authorization", admin)
                .status());
    }

    @Test
    public void anAdministratorCreatesAUserWhoseFirstPasswordPassesTheRules() {
        String admin = admin();
        String email = "created-" + unique() + "@example.com";

        Reply created = api.post("admin/users", TestUsers.registration(email, "created_" + unique(),
                TestUsers.STRONG_PASSWORD), "Authorization", admin);

        assertEquals(201, created.status(), created::toString);
        JsonObject user = created.json().getJsonObject("user");
        assertEquals(email, user.getString("email"));
        assertTrue(created.headers().firstValue("Location").orElseThrow()
                .endsWith("/api/admin/users/" + user.getJsonNumber("id").longValue()));
        assertEquals(200, api.post("users/login", TestUsers.conduitLogin(email, TestUsers.STRONG_PASSWORD)).status());
        Reply weak = api.post("admin/users", TestUsers.registration("weak-" + unique() + "@example.com",
                "weak_" + unique(), "password1"), "Authorization", admin);
        assertEquals(422, weak.status());
        assertTrue(weak.json().getJsonObject("errors").containsKey("password"));
        Reply taken = api.post("admin/users", TestUsers.registration(email, "again_" + unique(),
                TestUsers.STRONG_PASSWORD), "Authorization", admin);
        assertEquals(422, taken.status());
        assertTrue(taken.json().getJsonObject("errors").containsKey("email"));
        assertEquals(422, api.post("admin/users", "{\"user\":{\"email\":\"not-an-email\"}}", "Authorization", admin)
                .status());
    }

    @Test
    public void aNewPasswordRevokesTheUsersTokensAndReplacesTheOldOne() {
        String admin = admin();
        Registered user = TestUsers.register(api);
        String newPassword = "Otter-Vellum-Compass-" + unique();

        Reply weak = api.put("admin/users/" + user.id() + "/password", "{\"password\":\"123456\"}",
                "Authorization", admin);
        assertEquals(422, weak.status());
        assertEquals(200, api.get("user", "Authorization", "Token " + user.token()).status(), "nothing changed");

        assertEquals(204, api.put("admin/users/" + user.id() + "/password", "{\"password\":\"" + newPassword + "\"}",
                "Authorization", admin).status());

        assertEquals(401, api.get("user", "Authorization", "Token " + user.token()).status());
        assertEquals(401, api.post("users/login", TestUsers.conduitLogin(user.email(), user.password())).status());
        assertEquals(200, api.post("users/login", TestUsers.conduitLogin(user.email(), newPassword)).status());
        assertEquals(422, api.put("admin/users/" + user.id() + "/password", "{}", "Authorization", admin).status());
    }

    @Test
    public void theUserPageShowsMembershipsIntegrationsSessionsDisabledAndThrottlingButNoSecret() {
        String admin = admin();
        Registered user = TestUsers.register(api);
        String domain = "details-" + unique() + ".example";
        String service = "details-" + unique();
        api.post("admin/organisations", "{\"organisation\":{\"domain\":\"" + domain + "\",\"name\":\"D\"}}",
                "Authorization", admin);
        api.put("admin/organisations/" + domain + "/members/" + user.id(), "", "Authorization", admin);
        api.post("admin/integrations", "{\"integration\":{\"name\":\"" + service + "\",\"displayName\":\"D\"}}",
                "Authorization", admin);
        api.post("user/integrations/" + service, "", "Authorization", "Token " + user.token());
        api.post("users/login", TestUsers.conduitLogin(user.email(), "wrong password"));

        JsonObject details = details(admin, user.id());

        assertEquals(user.email(), details.getString("email"));
        assertEquals(List.of(domain), details.getJsonArray("organisations").getValuesAs(JsonString.class).stream()
                .map(JsonString::getString).toList());
        assertEquals(List.of(service), details.getJsonArray("integrations").getValuesAs(JsonString.class).stream()
                .map(JsonString::getString).toList());
        assertEquals(2, details.getJsonArray("sessions").size());
        assertFalse(details.getBoolean("disabled"));
        assertEquals(1, details.getJsonObject("throttling").getInt("failures"));
        assertFalse(details.getJsonObject("throttling").getBoolean("locked"));
        String body = api.get("admin/users/" + user.id(), "Authorization", admin).body();
        assertFalse(body.contains("$2a$") || body.contains(user.password()) || body.contains(user.token())
                || body.toLowerCase().contains("hash"), body);
    }

    @Test
    public void disablingRefusesTheUsersTokensAndEnablingLetsThemLogInAgain() {
        String admin = admin();
        Registered user = TestUsers.register(api);

        assertEquals(204, api.post("admin/users/" + user.id() + "/disable", "", "Authorization", admin).status());
        assertTrue(details(admin, user.id()).getBoolean("disabled"));
        assertEquals(401, api.get("user", "Authorization", "Token " + user.token()).status());
        assertEquals(401, api.post("users/login", TestUsers.conduitLogin(user.email(), user.password())).status());

        assertEquals(204, api.post("admin/users/" + user.id() + "/enable", "", "Authorization", admin).status());
        assertFalse(details(admin, user.id()).getBoolean("disabled"));
        assertEquals(200, api.post("users/login", TestUsers.conduitLogin(user.email(), user.password())).status());
    }

    @Test
    public void anAdministratorLiftsTheThrottlingOfAnAccount() {
        String admin = admin();
        Registered user = TestUsers.register(api);
        for (int i = 0; i < 5; i++) {
            api.post("users/login", TestUsers.conduitLogin(user.email(), "wrong " + i));
        }
        JsonObject throttling = details(admin, user.id()).getJsonObject("throttling");
        assertTrue(throttling.getBoolean("locked"), throttling::toString);
        assertTrue(throttling.getInt("retryAfter") > 0);
        assertEquals(429, api.post("users/login", TestUsers.conduitLogin(user.email(), user.password())).status());

        assertEquals(204, api.delete("admin/users/" + user.id() + "/throttling", "Authorization", admin).status());

        assertFalse(details(admin, user.id()).getJsonObject("throttling").getBoolean("locked"));
        assertEquals(200, api.post("users/login", TestUsers.conduitLogin(user.email(), user.password())).status());
    }

    @Test
    public void anAdministratorRevokesOneSessionOrAll() {
        String admin = admin();
        Registered user = TestUsers.register(api);
        String second = api.post("users/login", TestUsers.conduitLogin(user.email(), user.password())).user()
                .getString("token");
        String third = api.post("users/login", TestUsers.conduitLogin(user.email(), user.password())).user()
                .getString("token");

        assertEquals(204, api.delete("admin/users/" + user.id() + "/sessions/" + Jwt.claims(second).getString("jti"),
                "Authorization", admin).status());
        assertEquals(401, api.get("user", "Authorization", "Token " + second).status());
        assertEquals(200, api.get("user", "Authorization", "Token " + third).status());
        Registered other = TestUsers.register(api);
        assertEquals(404, api.delete("admin/users/" + other.id() + "/sessions/" + Jwt.claims(third).getString("jti"),
                "Authorization", admin).status(), "a session of another user");

        assertEquals(204, api.delete("admin/users/" + user.id() + "/sessions", "Authorization", admin).status());
        assertEquals(401, api.get("user", "Authorization", "Token " + third).status());
        assertEquals(401, api.get("user", "Authorization", "Token " + user.token()).status());
        assertEquals(0, details(admin, user.id()).getJsonArray("sessions").size());
    }

    @Test
    public void nonAdministratorsGetTheSame403WhetherTheUserExistsOrNot() {
        Registered user = TestUsers.register(api);
        Registered target = TestUsers.register(api);
        String token = "Token " + user.token();
        List<Reply> replies = new ArrayList<>();
        for (long id : List.of(target.id(), 999_999_999L)) {
            replies.add(api.get("admin/users/" + id, "Authorization", token));
            replies.add(api.delete("admin/users/" + id, "Authorization", token));
            replies.add(api.put("admin/users/" + id + "/password", "{\"password\":\"x\"}", "Authorization", token));
            replies.add(api.post("admin/users/" + id + "/disable", "", "Authorization", token));
            replies.add(api.delete("admin/users/" + id + "/throttling", "Authorization", token));
        }
        replies.add(api.get("admin/users", "Authorization", token));
        replies.add(api.get("admin/events", "Authorization", token));

        for (Reply reply : replies) {
            assertEquals(403, reply.status(), reply::toString);
            assertEquals(replies.get(0).body(), reply.body());
        }
        assertEquals(200, api.get("user", "Authorization", "Token " + target.token()).status());
        assertEquals(404, api.get("admin/users/999999999", "Authorization", admin()).status());
    }

    @Test
    public void wrongShapedMalformedOrHugeBodiesGetJsonErrorsNeverA500() {
        String admin = admin();
        Registered user = TestUsers.register(api);
        String own = "Token " + user.token();
        List<Reply> replies = List.of(
                api.post("admin/users", "[]", "Authorization", admin),
                api.post("admin/users", "{\"user\":{\"email\":{\"a\":1}}}", "Authorization", admin),
                api.post("admin/organisations", "{\"organisation\":\"x\"}", "Authorization", admin),
                api.post("admin/organisations", "{\"organisation\":[1]}", "Authorization", admin),
                api.post("admin/organisations", "{\"organisation\":{\"domain\":[\"a.example\"],\"name\":\"x\"}}",
                        "Authorization", admin),
                api.put("admin/organisations/example.org", "{\"organisation\":{\"name\":null}}",
                        "Authorization", admin),
                api.post("admin/integrations", "{\"integration\":{\"name\":{\"a\":1},\"displayName\":\"x\"}}",
                        "Authorization", admin),
                api.post("admin/integrations", "{\"integration\":", "Authorization", admin),
                api.put("admin/users/" + user.id() + "/password", "{\"password\":[\"x\"]}", "Authorization", admin),
                api.put("admin/users/" + user.id() + "/password", "\"x\"", "Authorization", admin),
                api.deleteWith("user", "{\"password\":{\"x\":1}}", "Authorization", own),
                api.deleteWith("user", "{\"user\":\"x\"}", "Authorization", own),
                api.post("admin/organisations", "{\"organisation\":{\"domain\":\"" + "a".repeat(70_000) + "\"}}",
                        "Authorization", admin),
                api.deleteWith("user", "{\"password\":\"" + "a".repeat(70_000) + "\"}", "Authorization", own));
        for (Reply reply : replies) {
            assertTrue(reply.status() >= 400 && reply.status() < 500, reply::toString);
            assertTrue(reply.json().containsKey("errors"), reply::toString);
        }
        assertEquals(413, replies.get(replies.size() - 1).status());
        assertEquals(200, api.get("user", "Authorization", own).status(), "the account is still there");
    }

    @Test
    public void unreadableQueryParametersGet400NamingTheParameter() {
        String admin = admin();
        for (String[] bad : List.of(new String[] {"admin/users?limit=0", "limit"},
                new String[] {"admin/users?limit=201", "limit"}, new String[] {"admin/users?limit=ten", "limit"},
                new String[] {"admin/users?cursor=%21%21", "cursor"}, new String[] {"admin/users?cursor=LTE", "cursor"},
                new String[] {"admin/users?q=%00", "q"}, new String[] {"admin/events?since=yesterday", "since"},
                new String[] {"admin/events?user=alice", "user"}, new String[] {"admin/events?kind=coffee", "kind"},
                new String[] {"admin/organisations?limit=-1", "limit"})) {
            Reply reply = api.get(bad[0], "Authorization", admin);
            assertEquals(400, reply.status(), () -> bad[0] + ": " + reply);
            assertTrue(reply.json().getJsonObject("errors").containsKey(bad[1]), () -> bad[0] + ": " + reply);
        }
    }

    @Test
    public void securityEventsAreStoredAndFilteredByUserKindAndTimeNewestFirstInPages() throws Exception {
        String admin = admin();
        Instant before = Instant.now().minusSeconds(1);
        Registered user = TestUsers.register(api);
        for (int i = 0; i < 3; i++) {
            api.post("users/login", TestUsers.conduitLogin(user.email(), "wrong " + i));
        }
        api.post("users/login", TestUsers.conduitLogin(user.email(), user.password()));
        api.post("admin/users/" + user.id() + "/disable", "", "Authorization", admin);

        List<JsonObject> all = api.get("admin/events?user=" + user.id(), "Authorization", admin).json()
                .getJsonArray("events").getValuesAs(JsonObject.class);
        assertEquals(List.of("user-disabled", "login", "login", "login", "login", "registration"),
                all.stream().map(event -> event.getString("kind")).toList(), all::toString);
        assertEquals(Jwt.claims(admin.substring("Token ".length())).getString("sub"),
                all.get(0).getString("actor"));
        assertTrue(all.stream().allMatch(event -> event.getString("address").startsWith("127.")));

        List<JsonObject> failures = new ArrayList<>();
        String cursor = null;
        do {
            JsonObject page = api.get("admin/events?kind=login&limit=2&user=" + user.id()
                    + "&since=" + before + (cursor == null ? "" : "&cursor=" + cursor), "Authorization", admin).json();
            failures.addAll(page.getJsonArray("events").getValuesAs(JsonObject.class));
            cursor = page.isNull("next") ? null : page.getString("next");
        } while (cursor != null);
        assertEquals(List.of("success", "failure", "failure", "failure"),
                failures.stream().map(event -> event.getString("outcome")).toList());
        assertEquals(0, api.get("admin/events?user=" + user.id() + "&until=" + before, "Authorization", admin).json()
                .getJsonArray("events").size());
        assertFalse(api.get("admin/events?limit=200", "Authorization", admin).body().contains(user.password()));
    }

    /**
     * 10,000 users, paged 200 at a time while 4 writers add more: every one of the 10,000 comes exactly once, and no
     * user twice (the cursor is the last id, and new users always get higher ids).
     */
    @Test
    public void pagingOverTenThousandUsersReturnsEachExactlyOnceWhileUsersAreAdded() throws Exception {
        String admin = admin();
        String tag = "paging" + unique();
        List<String> existing = createUsers(admin, tag, 0, 10_000);

        ExecutorService writers = Executors.newFixedThreadPool(4);
        AtomicBoolean paging = new AtomicBoolean(true);
        AtomicInteger added = new AtomicInteger();
        List<Future<?>> writing = new ArrayList<>();
        for (int writer = 0; writer < 4; writer++) {
            int offset = 20_000 + writer * 10_000;
            writing.add(writers.submit(() -> {
                for (int i = offset; paging.get(); i++) {
                    create(admin, tag, i);
                    added.incrementAndGet();
                }
            }));
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        try {
            do {
                Reply page = api.get("admin/users?limit=200&q=" + tag + (cursor == null ? "" : "&cursor=" + cursor),
                        "Authorization", admin);
                assertEquals(200, page.status(), page::toString);
                seen.addAll(emails(page));
                cursor = page.json().isNull("next") ? null : page.json().getString("next");
                pages++;
            } while (cursor != null);
        } finally {
            paging.set(false);
            for (Future<?> writer : writing) {
                writer.get(60, TimeUnit.SECONDS);
            }
            writers.shutdown();
        }

        assertTrue(added.get() > 0, "users were added while paging");
        assertEquals(seen.size(), Set.copyOf(seen).size(), "a user came twice");
        assertTrue(Set.copyOf(seen).containsAll(existing), "a user present from the start was skipped");
        assertTrue(pages >= 50, "pages: " + pages);
    }

    private List<String> createUsers(String admin, String tag, int from, int count) throws Exception {
        ExecutorService creators = Executors.newFixedThreadPool(4);
        List<Future<String>> created = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            int n = i;
            created.add(creators.submit(() -> create(admin, tag, n)));
        }
        List<String> emails = new ArrayList<>();
        for (Future<String> email : created) {
            emails.add(email.get(5, TimeUnit.MINUTES));
        }
        creators.shutdown();
        return emails;
    }

    private String create(String admin, String tag, int n) {
        String email = tag + "-" + n + "@example.com";
        Reply reply = api.post("admin/users", TestUsers.registration(email, tag + "_" + n, TestUsers.STRONG_PASSWORD),
                "Authorization", admin);
        assertEquals(201, reply.status(), reply::toString);
        return email;
    }
}
