package portcullis.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static portcullis.fixtures.TestUsers.conduitLogin;
import static portcullis.fixtures.TestUsers.registration;

import jakarta.json.JsonObject;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import portcullis.fixtures.Jwt;
import portcullis.fixtures.TestUsers;
import portcullis.fixtures.TestUsers.Registered;
import portcullis.http.Api;
import portcullis.http.Reply;
import portcullis.servers.SharedServer;

@SharedServer
public class ConduitUsersIT {
    private static final String STRONG = TestUsers.STRONG_PASSWORD;

    Api api;

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 12);
    }

    @Test
    public void registrationAnswers201WithTheUserObjectAndAToken() {
        String id = unique();

        Reply reply = api.post("users", registration("new-" + id + "@example.com", "new_" + id, STRONG));

        assertEquals(201, reply.status(), reply::toString);
        assertTrue(reply.headers().firstValue("Location").orElseThrow().endsWith("/api/user"));
        JsonObject user = reply.user();
        assertEquals("new-" + id + "@example.com", user.getString("email"));
        assertEquals("new_" + id, user.getString("username"));
        assertTrue(user.containsKey("bio") && user.isNull("bio"));
        assertTrue(user.containsKey("image") && user.isNull("image"));
        assertEquals(String.valueOf(user.getJsonNumber("id").longValue()), Jwt.claims(user.getString("token")).getString("sub"));
    }

    @Test
    public void registrationStoresTheEmailNormalised() {
        String id = unique();

        Reply reply = api.post("users", registration("  Mixed-" + id + "@Example.COM ", "mixed_" + id, STRONG));

        assertEquals(201, reply.status(), reply::toString);
        assertEquals("mixed-" + id + "@example.com", reply.user().getString("email"));
        assertEquals(200, api.post("users/login", conduitLogin("MIXED-" + id + "@example.com", STRONG)).status());
    }

    @Test
    public void registrationDoesNotEchoThePasswordOrItsHash() {
        String id = unique();

        Reply reply = api.post("users", registration("echo-" + id + "@example.com", "echo_" + id, "echo-" + id));

        assertFalse(reply.body().contains("echo-" + id + "\""), reply::toString);
        assertFalse(reply.body().contains("$2a$"), reply::toString);
    }

    @Test
    public void takenEmailGets422HasAlreadyBeenTaken() {
        Registered existing = TestUsers.register(api);

        Reply reply = api.post("users", registration(existing.email().toUpperCase(), "other_" + unique(), STRONG));

        assertEquals(422, reply.status());
        assertEquals("has already been taken", reply.json().getJsonObject("errors").getJsonArray("email").getString(0));
    }

    @Test
    public void takenUsernameGets422HasAlreadyBeenTakenWhateverItsCase() {
        Registered existing = TestUsers.register(api);

        Reply reply = api.post("users", registration("other-" + unique() + "@example.com",
                existing.username().toUpperCase(), STRONG));

        assertEquals(422, reply.status());
        assertEquals("has already been taken",
                reply.json().getJsonObject("errors").getJsonArray("username").getString(0));
    }

    @Test
    public void missingFieldsGet422CantBeBlankPerField() {
        Reply reply = api.post("users", "{\"user\":{\"username\":\"\"}}");

        assertEquals(422, reply.status());
        JsonObject errors = reply.json().getJsonObject("errors");
        for (String field : List.of("username", "email", "password")) {
            assertTrue(errors.getJsonArray(field).getString(0).equals("can't be blank"), errors::toString);
        }
    }

    @Test
    public void invalidEmailGets422IsInvalid() {
        Reply reply = api.post("users", registration("not-an-email", "someone_" + unique(), STRONG));

        assertEquals(422, reply.status());
        assertEquals("is invalid", reply.json().getJsonObject("errors").getJsonArray("email").getString(0));
    }

    @Test
    public void concurrentRegistrationsOfOneEmailHaveExactlyOneWinner() throws Exception {
        String email = "race-" + unique() + "@example.com";
        int contenders = 12;
        ExecutorService pool = Executors.newFixedThreadPool(contenders);
        try {
            List<Callable<Reply>> attempts = IntStream.range(0, contenders)
                    .<Callable<Reply>>mapToObj(i -> () -> api.post("users", registration(email, "racer_" + unique(), STRONG)))
                    .toList();
            List<Integer> statuses = pool.invokeAll(attempts).stream().map(ConduitUsersIT::statusOf).toList();

            assertEquals(1, statuses.stream().filter(status -> status == 201).count(), statuses::toString);
            assertEquals(contenders - 1, statuses.stream().filter(status -> status == 422).count(), statuses::toString);
        } finally {
            pool.shutdownNow();
        }
    }

    private static int statusOf(Future<Reply> reply) {
        try {
            return reply.get().status();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    public void currentUserAnswersTheUserAndItsToken() {
        Registered user = TestUsers.register(api);

        Reply reply = api.get("user", "Authorization", "Token " + user.token());

        assertEquals(200, reply.status(), reply::toString);
        assertEquals(user.email(), reply.user().getString("email"));
        assertEquals(user.token(), reply.user().getString("token"));
    }

    @Test
    public void currentUserWithoutATokenGets401Json() {
        Reply reply = api.get("user");

        assertEquals(401, reply.status());
        assertEquals("is missing", reply.json().getJsonObject("errors").getJsonArray("token").getString(0));
        assertTrue(reply.headers().firstValue("WWW-Authenticate").isPresent());
    }

    @Test
    public void updateChangesTheGivenFieldsAndKeepsTheOthers() {
        Registered user = TestUsers.register(api);
        String newUsername = "renamed_" + unique();

        Reply reply = api.put("user", "{\"user\":{\"bio\":\"I like to skateboard\",\"image\":\"https://example.com/me.png\","
                + "\"name\":\"Jake\",\"username\":\"" + newUsername + "\"}}", "Authorization", "Token " + user.token());

        assertEquals(200, reply.status(), reply::toString);
        JsonObject current = api.get("user", "Authorization", "Token " + user.token()).user();
        assertEquals("I like to skateboard", current.getString("bio"));
        assertEquals("https://example.com/me.png", current.getString("image"));
        assertEquals("Jake", current.getString("name"));
        assertEquals(newUsername, current.getString("username"));
        assertEquals(user.email(), current.getString("email"));
    }

    @Test
    public void updateOfTheEmailAnswersATokenNamingTheNewEmail() {
        Registered user = TestUsers.register(api);
        String newEmail = "moved-" + unique() + "@example.com";

        Reply reply = api.put("user", "{\"user\":{\"email\":\"" + newEmail + "\"}}", "Authorization", "Token " + user.token());

        assertEquals(200, reply.status(), reply::toString);
        assertEquals(newEmail, reply.user().getString("email"));
        assertEquals(newEmail, Jwt.claims(reply.user().getString("token")).getString("upn"));
        assertEquals(200, api.post("users/login", conduitLogin(newEmail, user.password())).status());
        assertEquals(401, api.post("users/login", conduitLogin(user.email(), user.password())).status());
    }

    @Test
    public void updateOfThePasswordReplacesTheOldOne() {
        Registered user = TestUsers.register(api);

        Reply reply = api.put("user", "{\"user\":{\"password\":\"Another " + STRONG + "\"}}",
                "Authorization", "Token " + user.token());

        assertEquals(200, reply.status(), reply::toString);
        assertNotEquals(user.token(), reply.user().getString("token"));
        assertEquals(200, api.post("users/login", conduitLogin(user.email(), "Another " + STRONG)).status());
        assertEquals(401, api.post("users/login", conduitLogin(user.email(), user.password())).status());
    }

    @Test
    public void updateToAnotherUsersEmailGets422() {
        Registered user = TestUsers.register(api);
        Registered other = TestUsers.register(api);

        Reply reply = api.put("user", "{\"user\":{\"email\":\"" + other.email() + "\"}}", "Authorization", "Token " + user.token());

        assertEquals(422, reply.status());
        assertEquals("has already been taken", reply.json().getJsonObject("errors").getJsonArray("email").getString(0));
    }

    @Test
    public void updateToABlankEmailGets422() {
        Registered user = TestUsers.register(api);

        Reply reply = api.put("user", "{\"user\":{\"email\":\"\"}}", "Authorization", "Token " + user.token());

        assertEquals(422, reply.status());
        assertTrue(reply.json().getJsonObject("errors").containsKey("email"));
    }

    @Test
    public void updateWithoutATokenGets401() {
        Reply reply = api.put("user", "{\"user\":{\"bio\":\"anonymous\"}}");

        assertEquals(401, reply.status());
        assertTrue(reply.json().containsKey("errors"));
    }
}
