package portcullis.cors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import portcullis.fixtures.PageServer;
import portcullis.fixtures.TestUsers;
import portcullis.http.Api;
import portcullis.http.RawHttp;
import portcullis.http.Reply;
import portcullis.servers.HeadlessChromium;
import portcullis.servers.Neighbour;
import portcullis.servers.SharedServer;

/**
 * CORS with an allow-list of one loopback origin (where the test serves a browser client) and one public one:
 * the headers on every kind of answer, then real Chromium running the client from the allowed origin, from a
 * foreign origin, and in a sandbox (origin {@code null}).
 */
@Tag("database-independent")
@Tag("browser")
@SharedServer(configuredBy = "configuration")
public class CorsIT {
    private static final int ALLOWED_PORT = PageServer.freePort();
    private static final int FOREIGN_PORT = PageServer.freePort();
    private static final String ALLOWED = "http://127.0.0.1:" + ALLOWED_PORT;
    private static final String FOREIGN = "http://127.0.0.1:" + FOREIGN_PORT;
    private static final String PUBLIC_APP = "https://app.example.com";

    @RegisterExtension
    static final Neighbour<PageServer> ALLOWED_PAGES = Neighbour.of(() -> PageServer.start(ALLOWED_PORT,
            "cors-client"));
    @RegisterExtension
    static final Neighbour<PageServer> FOREIGN_PAGES = Neighbour.of(() -> PageServer.start(FOREIGN_PORT,
            "cors-client"));
    @RegisterExtension
    static final Neighbour<HeadlessChromium> CHROMIUM = Neighbour.of(HeadlessChromium::start);

    Api api;
    URL base;

    static List<String> configuration() {
        return List.of("portcullis.cors.allowed-origins=" + ALLOWED + ",https://APP.example.com:443");
    }

    private Reply preflight(String path, String origin, String method, String requestHeaders) {
        return api.send("OPTIONS", path, null, null, "Origin", origin, "Access-Control-Request-Method", method,
                "Access-Control-Request-Headers", requestHeaders);
    }

    private static void assertAllowedFor(String origin, Reply reply) {
        assertEquals(List.of(origin), reply.headers().allValues("Access-Control-Allow-Origin"), reply::toString);
        assertVariesByOrigin(reply);
        assertNoCredentials(reply);
    }

    private static void assertVariesByOrigin(Reply reply) {
        assertTrue(reply.headers().allValues("Vary").stream().anyMatch(vary -> vary.contains("Origin")),
                "no Vary: Origin on " + reply.status() + " " + reply.headers().map());
    }

    private static void assertNoCredentials(Reply reply) {
        assertTrue(reply.headers().firstValue("Access-Control-Allow-Credentials").isEmpty(), reply::toString);
    }

    private static void assertNotAllowed(Reply reply) {
        assertTrue(reply.headers().firstValue("Access-Control-Allow-Origin").isEmpty(),
                "an origin not on the list was allowed: " + reply.headers().map());
        assertNoCredentials(reply);
    }

    @Test
    public void aPreflightFromAnAllowedOriginIsAnsweredBeforeAuthentication() {
        Reply reply = preflight("user", ALLOWED, "PUT", "authorization,content-type");
        assertEquals(204, reply.status(), reply::toString);
        assertAllowedFor(ALLOWED, reply);
        String methods = reply.headers().firstValue("Access-Control-Allow-Methods").orElse("");
        for (String method : List.of("GET", "POST", "PUT", "DELETE")) {
            assertTrue(methods.contains(method), methods);
        }
        String headers = reply.headers().firstValue("Access-Control-Allow-Headers").orElse("");
        for (String header : List.of("Authorization", "Authorisation", "Content-Type", "Accept")) {
            assertTrue(headers.contains(header), headers);
        }
        assertEquals("600", reply.headers().firstValue("Access-Control-Max-Age").orElse(""));
        assertAllowedFor(PUBLIC_APP, preflight("auth/token", PUBLIC_APP, "POST", "authorisation"));
    }

    @Test
    public void preflightsFromOtherOriginsGetNoAccessControlHeaders() {
        for (String origin : List.of(FOREIGN, "null", "https://app.example.com.evil.example", "http://app.example.com",
                "https://app.example.com:8443", "http://127.0.0.1", ALLOWED + "0", "https://APP.EXAMPLE.COM")) {
            Reply reply = preflight("users/login", origin, "POST", "content-type");
            assertEquals(403, reply.status(), origin + " -> " + reply);
            assertNotAllowed(reply);
            assertVariesByOrigin(reply);
            assertEquals("{\"errors\":{\"origin\":[\"is not allowed\"]}}", reply.body());
        }
    }

    @Test
    public void errorAnswersCarryTheHeadersSoTheAppCanReadThem() {
        String origin = ALLOWED;
        assertAllowedFor(origin, expect(401, api.get("user", "Origin", origin)));
        assertAllowedFor(origin, expect(401, api.get("user", "Origin", origin, "Authorization", "Token forged.a.b")));
        assertAllowedFor(origin, expect(422, api.post("users", "{\"user\":{}}", "Origin", origin)));
        assertAllowedFor(origin, expect(400, api.post("users/login", "{\"user\":", "Origin", origin)));
        assertAllowedFor(origin, expect(404, api.get("no-such-thing", "Origin", origin)));
        Reply outsideTheApi = expect(404, api.get("../no-such-page", "Origin", origin));
        assertAllowedFor(origin, outsideTheApi);

        RawHttp client = new RawHttp(base, RawHttp.freshLoopbackAddress());
        Reply throttled = null;
        String account = "cors-throttled-" + UUID.randomUUID() + "@example.com";
        for (int i = 0; i < 6; i++) {
            throttled = client.post("users/login", Api.JSON, TestUsers.conduitLogin(account, "wrong password"),
                    "Origin", origin);
        }
        assertAllowedFor(origin, expect(429, throttled));
        assertTrue(throttled.headers().firstValue("Access-Control-Expose-Headers").orElse("").contains("Retry-After"),
                "a browser app cannot read Retry-After unless it is exposed");
    }

    @Test
    public void requestsFromOtherOriginsAreServedWithoutAccessControlHeaders() {
        Reply reply = api.get("user", "Origin", FOREIGN);
        assertEquals(401, reply.status());
        assertNotAllowed(reply);
        assertVariesByOrigin(reply);
        assertNotAllowed(api.get("user", "Origin", "null"));
    }

    @Test
    public void theKeyDocumentsArePublicForEveryOrigin() {
        for (String path : List.of("../.well-known/jwks.json", "../.well-known/openid-configuration",
                ".well-known/jwks.json")) {
            Reply reply = api.get(path, "Origin", FOREIGN);
            assertEquals(200, reply.status(), path);
            assertEquals(List.of("*"), reply.headers().allValues("Access-Control-Allow-Origin"), path);
            assertNoCredentials(reply);
        }
        Reply preflight = preflight("../.well-known/jwks.json", "null", "GET", "accept");
        assertEquals(204, preflight.status(), preflight::toString);
        assertEquals(List.of("*"), preflight.headers().allValues("Access-Control-Allow-Origin"));
    }

    private static Reply expect(int status, Reply reply) {
        assertEquals(status, reply.status(), reply::toString);
        return reply;
    }

    // --- a real browser ---

    private Map<String, String> runClient(String pageUrl, String email, String screenshot) {
        HeadlessChromium chromium = CHROMIUM.get();
        String apiUrl = "http://localhost:" + base.getPort();
        chromium.driver().get(pageUrl + "?api=" + encode(apiUrl) + "&email=" + encode(email)
                + "&password=" + encode(TestUsers.STRONG_PASSWORD));
        new WebDriverWait(chromium.driver(), Duration.ofSeconds(30))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("done")));
        chromium.screenshot(screenshot);
        return chromium.driver().findElements(By.cssSelector("#steps li")).stream().collect(Collectors.toMap(
                step -> step.getAttribute("data-step"), (WebElement step) -> step.getAttribute("data-result")));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Test
    public void aBrowserAppOnTheAllowedOriginRegistersLogsInAndReadsErrors() {
        String email = "browser-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        Map<String, String> steps = runClient(ALLOWED_PAGES.get().origin() + "/index.html", email, "cors-allowed-origin");
        assertEquals("201 " + email, steps.get("register (Conduit)"), steps::toString);
        assertEquals("200 token received", steps.get("log in (Conduit)"), steps::toString);
        assertEquals("200 " + email, steps.get("current user (Conduit)"), steps::toString);
        assertEquals("200 " + email, steps.get("log in (Edumaps)"), steps::toString);
        assertEquals("200 " + email, steps.get("re-authenticate (Edumaps)"), steps::toString);
        assertEquals("401 {\"errors\":{\"email or password\":[\"is invalid\"]}}",
                steps.get("wrong password (error body)"), steps::toString);
    }

    @Test
    public void theBrowserBlocksAnAppOnAForeignOrigin() {
        String email = "foreign-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        Map<String, String> steps = runClient(FOREIGN_PAGES.get().origin() + "/index.html", email, "cors-foreign-origin");
        assertEquals(6, steps.size(), steps::toString);
        steps.forEach((step, result) -> assertTrue(result.startsWith("blocked"), step + ": " + result));
        assertNeverRegistered(email);
    }

    @Test
    public void theBrowserBlocksASandboxedAppWhoseOriginIsNull() {
        String email = "sandboxed-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        Map<String, String> steps = runClient(ALLOWED_PAGES.get().origin() + "/sandboxed/index.html", email,
                "cors-null-origin");
        assertEquals(6, steps.size(), steps::toString);
        steps.forEach((step, result) -> assertTrue(result.startsWith("blocked"), step + ": " + result));
        assertNeverRegistered(email);
    }

    /** The preflight was refused, so the browser never sent the registration itself. */
    private void assertNeverRegistered(String email) {
        Reply login = api.post("users/login", TestUsers.conduitLogin(email, TestUsers.STRONG_PASSWORD));
        assertEquals(401, login.status(), "the browser's registration reached the server: " + login);
        assertFalse(login.body().contains("token"));
    }
}
