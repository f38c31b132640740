package portcullis.responses;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import portcullis.fixtures.TestUsers;
import portcullis.fixtures.TestUsers.Registered;
import portcullis.http.Api;
import portcullis.http.RawHttp;
import portcullis.http.Reply;
import portcullis.servers.SharedServer;

/** Headers on every answer, standard status lines, no route listing, no server version; CORS off by default. */
@Tag("database-independent")
@SharedServer
public class ResponseHygieneIT {
    Api api;
    URL base;

    /** A sample of every kind of answer: success with a token or user data, each error family, outside the API. */
    private Map<String, Reply> answers() {
        Registered user = TestUsers.register(api);
        String token = "Token " + user.token();
        return Map.ofEntries(
                Map.entry("register", api.post("users", TestUsers.registration(
                        "h-" + UUID.randomUUID() + "@example.com", "h_" + UUID.randomUUID().toString().substring(0, 8),
                        TestUsers.STRONG_PASSWORD))),
                Map.entry("login", api.post("users/login", TestUsers.conduitLogin(user.email(), user.password()))),
                Map.entry("edumaps login", api.post("auth/login", TestUsers.edumapsLogin(user.email(),
                        user.password()))),
                Map.entry("re-authentication", api.post("auth/token", "", "Authorisation", user.token())),
                Map.entry("current user", api.get("user", "Authorization", token)),
                Map.entry("update", api.put("user", "{\"user\":{\"bio\":\"clean\"}}", "Authorization", token)),
                Map.entry("401", api.get("user")),
                Map.entry("422", api.post("users", "{\"user\":{}}")),
                Map.entry("400", api.post("users/login", "{\"user\":")),
                Map.entry("413", api.post("users/login", "{\"user\":{\"email\":\"" + "x".repeat(70_000) + "\"}}")),
                Map.entry("404 in the API", api.get("no-such-thing")),
                Map.entry("404 outside the API", api.get("../no-such-page")),
                Map.entry("405", api.send("DELETE", "users/login", null, null)));
    }

    @Test
    public void everyAnswerForbidsSniffingAndCaching() {
        answers().forEach((what, reply) -> {
            assertEquals(List.of("nosniff"), reply.headers().allValues("X-Content-Type-Options"), what);
            assertEquals(List.of("no-store"), reply.headers().allValues("Cache-Control"), what + ": " + reply);
            assertEquals(List.of("no-cache"), reply.headers().allValues("Pragma"), what);
        });
    }

    @Test
    public void theKeyDocumentsMayBeCachedButNotSniffed() {
        for (String path : List.of("../.well-known/jwks.json", "../.well-known/openid-configuration")) {
            Reply reply = api.get(path);
            assertEquals(200, reply.status());
            assertEquals(List.of("nosniff"), reply.headers().allValues("X-Content-Type-Options"), path);
            assertFalse(reply.headers().firstValue("Cache-Control").orElse("").contains("no-store"), path);
        }
        assertTrue(api.get("../.well-known/jwks.json").headers().firstValue("Cache-Control").orElse("")
                .contains("max-age=300"));
    }

    @Test
    public void noAnswerNamesTheServerOrItsVersion() {
        answers().forEach((what, reply) -> {
            assertTrue(reply.headers().firstValue("Server").isEmpty(), what + ": " + reply.headers().map());
            assertTrue(reply.headers().firstValue("X-Powered-By").isEmpty(), what + ": " + reply.headers().map());
            reply.headers().map().forEach((name, values) -> values.forEach(value -> assertFalse(
                    value.contains("Payara") || value.contains("GlassFish") || value.contains("Jersey"),
                    what + ": " + name + ": " + value)));
        });
    }

    @Test
    public void statusesKeepTheirStandardReasonPhrases() {
        RawHttp client = new RawHttp(base, RawHttp.freshLoopbackAddress());
        assertEquals("HTTP/1.1 422 Unprocessable Content",
                client.post("users", Api.JSON, "{\"user\":{}}").statusLine());
        assertEquals("HTTP/1.1 401 Unauthorized",
                client.post("users/login", Api.JSON, TestUsers.conduitLogin("nobody@example.com", "x")).statusLine());
        Reply throttled = null;
        String account = "phrases-" + UUID.randomUUID() + "@example.com";
        for (int i = 0; i < 6; i++) {
            throttled = client.post("users/login", Api.JSON, TestUsers.conduitLogin(account, "wrong password"));
        }
        assertEquals("HTTP/1.1 429 Too Many Requests", throttled.statusLine());
        assertEquals("HTTP/1.1 413 Request Entity Too Large",
                client.post("users/login", Api.JSON, "x".repeat(70_000)).statusLine());
    }

    @Test
    public void outsideTheApiOnlyReadingIsAllowedAndEveryRefusalIsJson() {
        RawHttp client = new RawHttp(base, "127.0.0.1");
        String context = base.getPath().endsWith("/") ? base.getPath() : base.getPath() + "/";
        for (String method : List.of("PUT", "DELETE", "POST", "PATCH", "PROPFIND", "MKCOL")) {
            for (String target : List.of(context, context + "admin/", context + "admin/index.html")) {
                Reply reply = client.request(method, target, "localhost:" + base.getPort(), null, null);
                String what = method + " " + target;
                assertEquals(405, reply.status(), what + ": " + reply);
                assertEquals("{\"errors\":{\"request\":[\"method not allowed\"]}}", reply.body(), what);
                assertEquals("GET, HEAD, OPTIONS", reply.headers().firstValue("Allow").orElse(""), what);
                assertEquals(List.of("nosniff"), reply.headers().allValues("X-Content-Type-Options"), what);
                assertEquals(List.of("no-store"), reply.headers().allValues("Cache-Control"), what);
            }
        }
    }

    @Test
    public void theConsoleRedirectIsRelativeWhateverHostTheRequestNames() {
        String context = base.getPath().endsWith("/") ? base.getPath() : base.getPath() + "/";
        Reply reply = new RawHttp(base, "127.0.0.1").request("GET", context + "admin", "evil.example", null, null);
        assertEquals(301, reply.status(), reply::toString);
        assertEquals("admin/", reply.headers().firstValue("Location").orElse(""), reply::toString);
        assertEquals(List.of("nosniff"), reply.headers().allValues("X-Content-Type-Options"));
        assertEquals(List.of("no-store"), reply.headers().allValues("Cache-Control"));
        assertEquals("", reply.body());
    }

    @Test
    public void noRouteListingIsPublished() {
        Reply wadl = api.get("application.wadl");
        assertEquals(404, wadl.status(), wadl::toString);
        assertEquals("{\"errors\":{\"request\":[\"not found\"]}}", wadl.body());
        Reply options = api.send("OPTIONS", "users/login", null, null);
        assertFalse(options.body().contains("wadl") || options.body().contains("<application"), options::toString);
        assertFalse(options.headers().firstValue("Content-Type").orElse("").contains("wadl"));
    }

    @Test
    public void corsIsOffUntilOriginsAreConfigured() {
        Reply preflight = api.send("OPTIONS", "users/login", null, null, "Origin", "https://app.example.com",
                "Access-Control-Request-Method", "POST");
        assertTrue(preflight.headers().firstValue("Access-Control-Allow-Origin").isEmpty(), preflight::toString);
        Reply login = api.post("users/login", "{}", "Origin", "https://app.example.com");
        assertTrue(login.headers().firstValue("Access-Control-Allow-Origin").isEmpty(), login::toString);
    }
}
