package portcullis.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import portcullis.Deployments;
import portcullis.Reply;
import portcullis.ServerClient;
import portcullis.TestUsers;

/** Every JSON endpoint of both dialects answers bad input with a 4xx JSON error body, never a 500 or a stack trace. */
public class BadInputIT extends ServerClient {
    private static final List<String> JSON_POSTS = List.of("users", "users/login", "user/login", "auth/login", "auth/local");

    @Deployment(testable = false)
    public static WebArchive war() {
        return Deployments.builtWar();
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
