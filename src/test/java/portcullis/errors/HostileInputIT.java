package portcullis.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonReader;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import portcullis.fixtures.TestUsers;
import portcullis.fixtures.TestUsers.Registered;
import portcullis.http.Api;
import portcullis.http.RawHttp;
import portcullis.http.Reply;
import portcullis.servers.SharedServer;

/**
 * Hostile input on every endpoint of both dialects: always a 4xx with a JSON error body, never a 5xx. bcrypt runs at
 * cost 4 here: what is tested is the handling of input, and the fuzz run makes hundreds of password checks.
 */
@Tag("database-independent")
@SharedServer(administered = true)
public class HostileInputIT {
    private static final List<String> POSTS = List.of("users", "users/login", "user/login", "auth/login",
            "auth/local", "auth/token", "auth/logout");

    Api api;
    URL base;

    /** A 4xx answer with {"errors":{...}}, no stack trace, no HTML. */
    private static void assertClientError(Reply reply, String what) {
        assertTrue(reply.status() >= 400 && reply.status() < 500, () -> what + " -> " + reply);
        assertTrue(reply.headers().firstValue("Content-Type").orElse("").startsWith("application/json"),
                () -> what + " -> not JSON: " + reply);
        try (JsonReader reader = Json.createReader(new StringReader(reply.body()))) {
            assertFalse(reader.readObject().getJsonObject("errors").isEmpty(), what);
        }
        assertFalse(reply.body().contains("Exception") || reply.body().contains("\tat "), () -> what + " -> " + reply);
    }

    @Test
    public void nulBytesAndControlCharactersGet4xx() {
        for (String value : List.of("a\\u0000b", "\\u0000", "a\\u0007\\u001b[31mb", "line\\nbreak", "\\u202eevil")) {
            String id = UUID.randomUUID().toString().substring(0, 8);
            assertClientError(api.post("users", TestUsers.registration("x" + id + value + "@example.com",
                    "u" + id + value, TestUsers.STRONG_PASSWORD)), "registration with " + value);
            assertClientError(api.post("users/login", TestUsers.conduitLogin(value + "@example.com", value)),
                    "login with " + value);
        }
        String token = TestUsers.register(api).token();
        for (String field : List.of("name", "bio", "image")) {
            assertClientError(api.put("user", "{\"user\":{\"" + field + "\":\"a\\u0000b\"}}",
                    "Authorization", "Token " + token), "update of " + field + " with a NUL");
        }
    }

    @Test
    public void veryLongStringsGet4xx() {
        String longString = "a".repeat(20_000);
        assertClientError(api.post("users", TestUsers.registration(longString + "@example.com", longString, longString)),
                "registration");
        assertClientError(api.post("auth/login", TestUsers.edumapsLogin(longString, longString)), "login");
    }

    @Test
    public void bodiesOfOneAndTenMebibytesAre413() {
        for (int size : new int[] {1 << 20, 10 << 20}) {
            byte[] body = ("{\"user\":{\"email\":\"" + "a".repeat(size) + "\"}}").getBytes(StandardCharsets.UTF_8);
            for (String path : List.of("users", "users/login", "auth/login")) {
                Reply reply = new RawHttp(base, "127.0.0.1").send("POST", path, Api.JSON, body);
                assertEquals(413, reply.status(), path);
                assertClientError(reply, path + " with " + size + " bytes");
            }
        }
    }

    @Test
    public void aLargeBodyWithoutContentLengthIs413Too() throws Exception {
        byte[] body = ("{\"email\":\"" + "a".repeat(1 << 20) + "\"}").getBytes(StandardCharsets.UTF_8);
        HttpRequest chunked = HttpRequest.newBuilder(new URL(base, "/api/auth/login").toURI())
                .header("Content-Type", Api.JSON)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build();
        HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(chunked, HttpResponse.BodyHandlers.ofString());

        assertEquals(413, response.statusCode(), response::body);
        assertTrue(response.body().contains("\"errors\""), response::body);
    }

    @Test
    public void deeplyNestedJsonGets4xx() {
        String nested = "[".repeat(20_000) + "]".repeat(20_000);
        String nestedObject = "{\"user\":" + "{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000) + "}";
        for (String path : List.of("users", "users/login", "auth/login")) {
            assertClientError(api.post(path, nested), path + " with nested arrays");
            assertClientError(api.post(path, nestedObject), path + " with nested objects");
        }
    }

    @Test
    public void sqlAndJpqlMetacharactersAreJustCharacters() {
        String[] attacks = {"' OR '1'='1", "\" OR 1=1 --", "x'; DROP TABLE accounts; --", "%", "_", "\\\\",
            "u.email LIKE '%'", "SELECT u FROM User u"};
        for (String attack : attacks) {
            String json = attack.replace("\\", "\\\\").replace("\"", "\\\"");
            Reply login = api.post("users/login", TestUsers.conduitLogin(json, json));
            assertEquals(401, login.status(), attack);
            assertClientError(api.post("users", TestUsers.registration(json + "@example.com", json, json)), attack);
        }
        Registered user = TestUsers.register(api);
        assertEquals(200, api.post("users/login", TestUsers.conduitLogin(user.email(), user.password())).status(),
                "the accounts table is still there");
    }

    @Test
    public void fiftyConcurrentRegistrationsOfOneEmailHaveExactlyOneWinner() throws Exception {
        String email = "fifty-" + UUID.randomUUID() + "@example.com";
        ExecutorService pool = Executors.newFixedThreadPool(50);
        try {
            List<Callable<Reply>> attempts = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                String username = "fifty_" + UUID.randomUUID().toString().substring(0, 12);
                attempts.add(() -> api.post("users", TestUsers.registration(email, username, TestUsers.STRONG_PASSWORD)));
            }
            List<Reply> replies = new ArrayList<>();
            for (Future<Reply> reply : pool.invokeAll(attempts)) {
                replies.add(reply.get());
            }

            assertEquals(1, replies.stream().filter(reply -> reply.status() == 201).count(), replies::toString);
            List<Reply> refused = replies.stream().filter(reply -> reply.status() != 201).toList();
            assertEquals(49, refused.size());
            for (Reply reply : refused) {
                assertEquals(422, reply.status(), reply::toString);
                assertEquals("has already been taken",
                        reply.json().getJsonObject("errors").getJsonArray("email").getString(0));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * A fuzz run: 1,200 generated malformed bodies (mutations of valid ones, random bytes, random JSON) on every POST
     * endpoint and 600 malformed tokens, seeded so that a failure can be replayed.
     */
    @Test
    public void fuzzedBodiesAndTokensNeverGet5xx() {
        long seed = Long.getLong("fuzz.seed", System.currentTimeMillis());
        Random random = new Random(seed);
        Registered user = TestUsers.register(api);
        List<String> valid = List.of(TestUsers.registration("f@example.com", "fuzz", TestUsers.STRONG_PASSWORD),
                TestUsers.conduitLogin(user.email(), "wrong password"), TestUsers.edumapsLogin(user.email(), "x"),
                "{\"user\":{\"bio\":\"b\"}}");
        int cases = 0;
        for (int i = 0; i < 1_200; i++) {
            byte[] body = fuzzBody(random, valid.get(random.nextInt(valid.size())));
            String path = POSTS.get(random.nextInt(POSTS.size()));
            RawHttp client = new RawHttp(base, RawHttp.freshLoopbackAddress());
            String what = "seed " + seed + " case " + i + " " + path + " " + new String(body, StandardCharsets.UTF_8);
            Reply reply = assertAnswers(() -> client.send("POST", path, random.nextInt(10) == 0 ? Api.FORM : Api.JSON,
                    body), what);
            assertClientErrorOrSuccess(reply, what);
            cases++;
        }
        for (int i = 0; i < 600; i++) {
            String token = fuzzToken(random, user.token());
            String header = (random.nextBoolean() ? "Token " : "Bearer ") + token;
            String what = "seed " + seed + " token case " + i;
            Reply reply = assertAnswers(() -> api.get("user", "Authorization", header), what);
            assertClientErrorOrSuccess(reply, what);
            cases++;
        }
        assertEquals(1_800, cases);
    }

    private static Reply assertAnswers(java.util.function.Supplier<Reply> request, String what) {
        try {
            return request.get();
        } catch (java.io.UncheckedIOException noAnswer) {
            throw new AssertionError("no answer to " + what, noAnswer);
        }
    }

    private static void assertClientErrorOrSuccess(Reply reply, String what) {
        if (reply.status() < 300) {
            return; // a mutation can leave a body valid
        }
        assertClientError(reply, what);
    }

    private static byte[] fuzzBody(Random random, String valid) {
        switch (random.nextInt(5)) {
            case 0: // random bytes
                byte[] bytes = new byte[random.nextInt(200)];
                random.nextBytes(bytes);
                return bytes;
            case 1: // a valid body cut short
                return valid.substring(0, random.nextInt(valid.length())).getBytes(StandardCharsets.UTF_8);
            case 2: // characters replaced by JSON punctuation, quotes, NULs and non-ASCII
                char[] chars = valid.toCharArray();
                String alphabet = "{}[]\",:\\\u0000\u00e9\u2028\ud83d0-9eE+.tfn ";
                for (int n = 0; n <= random.nextInt(6); n++) {
                    chars[random.nextInt(chars.length)] = alphabet.charAt(random.nextInt(alphabet.length()));
                }
                return new String(chars).getBytes(StandardCharsets.UTF_8);
            case 3: // values of the wrong JSON type
                String[] values = {"1", "-0.0e999", "true", "null", "[]", "{}", "[\"a\",1]", "\"\"", "1e999999"};
                return valid.replaceAll("\"[^\"{}:,]*\"(?=[,}])", values[random.nextInt(values.length)])
                        .getBytes(StandardCharsets.UTF_8);
            default: // random JSON-ish tokens
                StringBuilder json = new StringBuilder();
                String[] parts = {"{", "}", "[", "]", "\"user\"", "\"email\"", "\"password\"", ":", ",", "\"x\"", "1",
                    "null", "true", "\"\\u0000\"", "\"\\ud800\""};
                for (int n = 0; n < random.nextInt(40); n++) {
                    json.append(parts[random.nextInt(parts.length)]);
                }
                return json.toString().getBytes(StandardCharsets.UTF_8);
        }
    }

    private static String fuzzToken(Random random, String valid) {
        String[] parts = valid.split("\\.");
        switch (random.nextInt(4)) {
            case 0: // one character flipped
                char[] chars = valid.toCharArray();
                int at = random.nextInt(chars.length);
                chars[at] = chars[at] == 'A' ? 'B' : 'A';
                return new String(chars);
            case 1: // parts dropped, doubled or shuffled
                List<String> list = new ArrayList<>(List.of(parts));
                java.util.Collections.shuffle(list, random);
                return String.join(".", list.subList(0, 1 + random.nextInt(list.size()))) + (random.nextBoolean() ? "." : "");
            case 2: // a header or payload of random JSON
                String json = new String(fuzzBody(random, "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"x\"}"),
                        StandardCharsets.UTF_8);
                String encoded = java.util.Base64.getUrlEncoder().withoutPadding()
                        .encodeToString(json.getBytes(StandardCharsets.UTF_8));
                return random.nextBoolean() ? encoded + "." + parts[1] + "." + parts[2]
                        : parts[0] + "." + encoded + "." + parts[2];
            default: // printable garbage of any length up to 12 KiB
                StringBuilder garbage = new StringBuilder();
                int length = random.nextInt(random.nextBoolean() ? 100 : 12_000);
                for (int n = 0; n < length; n++) {
                    garbage.append((char) (33 + random.nextInt(94)));
                }
                return garbage.toString();
        }
    }
}
