package portcullis.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URL;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import portcullis.fixtures.TestUsers;
import portcullis.http.Api;
import portcullis.http.Reply;
import portcullis.servers.SharedServer;

/** Every JSON endpoint of both dialects answers bad input with a 4xx JSON error body, never a 500 or a stack trace. */
@Tag("database-independent")
@SharedServer(administered = true)
public class BadInputIT {
    private static final List<String> JSON_POSTS = List.of("users", "users/login", "user/login", "auth/login", "auth/local");

    Api api;
    URL base;

    private static final String ADMIN_EMAIL = SharedServer.ADMIN_EMAIL;
    /** JSON values that are no string, and how they read in a body. */
    private static final List<String> NOT_STRINGS = List.of("12345", "true", "1.5e3", "[\"a\"]", "{\"a\":1}");

    /** One request body with a text field: {@code %s} stands where the field's value goes. */
    private record Body(String method, String path, String field, String template, String token) {
    }

    /** Every JSON request body of both dialects and the admin API, one row per text field. */
    private List<Body> everyBody() {
        String user = "Token " + TestUsers.register(api).token();
        String admin = TestUsers.admin(api, ADMIN_EMAIL);
        long id = TestUsers.register(api).id();
        String domain = "types-" + java.util.UUID.randomUUID().toString().substring(0, 8) + ".example";
        String service = "types-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        assertEquals(201, api.post("admin/organisations", "{\"organisation\":{\"domain\":\"" + domain
                + "\",\"name\":\"T\"}}", "Authorization", admin).status());
        assertEquals(201, api.post("admin/integrations", "{\"integration\":{\"name\":\"" + service
                + "\",\"displayName\":\"T\"}}", "Authorization", admin).status());
        String registration = "{\"user\":{\"username\":%s,\"email\":%s,\"password\":%s}}";
        List<Body> bodies = new java.util.ArrayList<>();
        for (String path : List.of("users", "admin/users")) {
            String token = path.startsWith("admin") ? admin : null;
            bodies.add(new Body("POST", path, "username", registration.formatted("%s", "\"t@example.com\"",
                    "\"" + TestUsers.STRONG_PASSWORD + "\""), token));
            bodies.add(new Body("POST", path, "email", registration.formatted("\"t\"", "%s",
                    "\"" + TestUsers.STRONG_PASSWORD + "\""), token));
            bodies.add(new Body("POST", path, "password", registration.formatted("\"t\"", "\"t@example.com\"",
                    "%s"), token));
        }
        bodies.add(new Body("POST", "users/login", "email", "{\"user\":{\"email\":%s,\"password\":\"p\"}}", null));
        bodies.add(new Body("POST", "users/login", "password", "{\"user\":{\"email\":\"a@b.c\",\"password\":%s}}",
                null));
        for (String path : List.of("auth/login", "auth/local")) {
            bodies.add(new Body("POST", path, "email", "{\"email\":%s,\"password\":\"p\"}", null));
            bodies.add(new Body("POST", path, "password", "{\"email\":\"a@b.c\",\"password\":%s}", null));
        }
        for (String field : List.of("email", "username", "password", "name", "bio", "image")) {
            bodies.add(new Body("PUT", "user", field, "{\"user\":{\"" + field + "\":%s}}", user));
        }
        bodies.add(new Body("DELETE", "user", "password", "{\"password\":%s}", user));
        bodies.add(new Body("DELETE", "user", "password", "{\"user\":{\"password\":%s}}", user));
        bodies.add(new Body("PUT", "admin/users/" + id + "/password", "password", "{\"password\":%s}", admin));
        bodies.add(new Body("POST", "admin/organisations", "domain", "{\"organisation\":{\"domain\":%s,"
                + "\"name\":\"n\"}}", admin));
        bodies.add(new Body("POST", "admin/organisations", "name", "{\"organisation\":{\"domain\":\"x.example\","
                + "\"name\":%s}}", admin));
        bodies.add(new Body("PUT", "admin/organisations/" + domain, "name", "{\"organisation\":{\"name\":%s}}", admin));
        bodies.add(new Body("POST", "admin/integrations", "name", "{\"integration\":{\"name\":%s,"
                + "\"displayName\":\"d\"}}", admin));
        bodies.add(new Body("POST", "admin/integrations", "displayName", "{\"integration\":{\"name\":\"n\","
                + "\"displayName\":%s}}", admin));
        bodies.add(new Body("PUT", "admin/integrations/" + service, "displayName",
                "{\"integration\":{\"displayName\":%s}}", admin));
        return bodies;
    }

    private Reply send(Body body, String value) {
        String json = body.template().formatted(value);
        return body.token() == null ? api.send(body.method(), body.path(), "application/json", json)
                : api.send(body.method(), body.path(), "application/json", json, "Authorization", body.token());
    }

    @Test
    public void everyTextFieldOfEveryBodyRefusesNumbersBooleansArraysAndObjects() {
        for (Body body : everyBody()) {
            for (String value : NOT_STRINGS) {
                String what = body.method() + " " + body.path() + " " + body.field() + "=" + value;
                JsonObject errors = assertJsonError(422, send(body, value));
                assertEquals(List.of(body.field()), List.copyOf(errors.keySet()), what);
                assertEquals("must be a string", errors.getJsonArray(body.field()).getString(0), what);
            }
        }
    }

    @Test
    public void bodiesThatAreNotUtf8Get400EverywhereAndLoneSurrogatesGet422() {
        for (Body body : everyBody()) {
            for (byte[] bad : List.of(new byte[] {'a', (byte) 0xff, (byte) 0xfe, 'b'},
                    new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80})) {
                byte[] json = withRawValue(body.template(), bad);
                Reply reply = body.token() == null
                        ? new portcullis.http.RawHttp(base, "127.0.0.1").send(body.method(), body.path(), "application/json",
                                json)
                        : new portcullis.http.RawHttp(base, "127.0.0.1").send(body.method(), body.path(), "application/json",
                                json, "Authorization", body.token());
                String what = body.method() + " " + body.path() + " " + body.field();
                assertEquals("is not valid UTF-8", assertJsonError(400, reply).getJsonArray("body").getString(0),
                        what);
            }
            JsonObject errors = assertJsonError(422, send(body, "\"x\\ud800y\""));
            assertEquals("is not valid Unicode", errors.getJsonArray(body.field()).getString(0), body.path());
        }
    }

    /** The template with a JSON string of these raw bytes where {@code %s} stands. */
    private static byte[] withRawValue(String template, byte[] raw) {
        int at = template.indexOf("%s");
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.writeBytes(template.substring(0, at).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        out.write('"');
        out.writeBytes(raw);
        out.write('"');
        out.writeBytes(template.substring(at + 2).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    @Test
    public void trailingContentAfterTheJsonValueGets400() {
        assertJsonError(400, api.post("users/login", TestUsers.conduitLogin("a@b.c", "p") + " x"));
    }

    private static JsonObject assertJsonError(int expectedStatus, Reply reply) {
        assertEquals(expectedStatus, reply.status(), reply::toString);
        JsonObject errors = reply.json().getJsonObject("errors");
        assertFalse(errors.isEmpty(), reply::toString);
        assertFalse(reply.body().contains("Exception"), reply::toString);
        assertFalse(reply.body().contains("\tat "), reply::toString);
        return errors;
    }

    @Test
    public void malformedJsonGets400() {
        for (String path : JSON_POSTS) {
            JsonObject errors = assertJsonError(400, api.post(path, "{\"user\":"));
            assertEquals("is not valid JSON", errors.getJsonArray("body").getString(0), path);
        }
    }

    @Test
    public void jsonOfTheWrongShapeGets422() {
        for (String path : JSON_POSTS) {
            assertJsonError(422, api.post(path, "{\"user\":\"x\",\"email\":[1],\"password\":{}}"));
            assertJsonError(422, api.post(path, "[]"));
        }
    }

    @Test
    public void numbersAndBooleansWhereStringsBelongGet422() {
        assertJsonError(422, api.post("users", "{\"user\":{\"username\":5,\"email\":true,\"password\":[\"a\"]}}"));
    }

    @Test
    public void missingBodyGets422() {
        for (String path : JSON_POSTS) {
            assertJsonError(422, api.post(path, ""));
        }
    }

    @Test
    public void jsonNullBodyGets422() {
        for (String path : JSON_POSTS) {
            assertJsonError(422, api.post(path, "null"));
        }
    }

    @Test
    public void wrongContentTypeGets415() {
        for (String path : JSON_POSTS) {
            assertJsonError(415, api.send("POST", path, "text/plain", "email=a&password=b"));
        }
    }

    @Test
    public void updateWithMalformedJsonGets400() {
        TestUsers.Registered user = TestUsers.register(api);

        assertJsonError(400, api.put("user", "{{", "Authorization", "Token " + user.token()));
    }

    @Test
    public void unknownPathGets404Json() {
        assertJsonError(404, api.get("no/such/thing"));
    }

    @Test
    public void unknownPathOutsideTheApiGets404JsonNotAnHtmlPage() {
        Reply reply = api.get("../no-such-page");

        assertJsonError(404, reply);
        assertFalse(reply.body().contains("<html"), reply::toString);
    }

    @Test
    public void wrongMethodGets405Json() {
        Reply reply = api.send("DELETE", "users/login", null, null);

        assertJsonError(405, reply);
        assertTrue(reply.headers().firstValue("Allow").orElse("").contains("POST"));
    }
}
