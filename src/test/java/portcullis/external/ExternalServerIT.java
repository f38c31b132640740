package portcullis.external;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.json.JsonObject;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import portcullis.console.ConsolePage;
import portcullis.fixtures.Jwt;
import portcullis.fixtures.TestUsers;
import portcullis.fixtures.TestUsers.Registered;
import portcullis.http.Api;
import portcullis.http.RawHttp;
import portcullis.http.Reply;
import portcullis.servers.Keycloak;

/**
 * The black-box checks for a Portcullis deployed elsewhere, on any server: CI runs them against the same WAR on
 * WildFly ({@code -Dportcullis.it.external-url=http://localhost:8180/}, health at
 * {@code -Dportcullis.it.external-health-url}). Skipped when no external server is named.
 */
public class ExternalServerIT {
    private static Api api;
    private static java.net.URL base;

    @BeforeAll
    static void external() throws MalformedURLException {
        String url = System.getProperty("portcullis.it.external-url", "");
        assumeTrue(!url.isBlank(), "no external server named (portcullis.it.external-url)");
        base = URI.create(url).toURL();
        api = new Api(base);
    }

    @Test
    public void conduitRegistersLogsInReadsAndUpdatesTheCurrentUser() {
        Registered user = TestUsers.register(api);
        Reply login = api.post("users/login", TestUsers.conduitLogin(user.email(), user.password()));
        assertEquals(200, login.status(), login::toString);
        String token = login.user().getString("token");
        JsonObject claims = Jwt.claims(token);
        assertEquals(user.email(), claims.getString("upn"));
        assertEquals(60L * 24 * 3600, claims.getJsonNumber("exp").longValue() - claims.getJsonNumber("iat").longValue());

        Reply current = api.get("user", "Authorization", "Token " + token);
        assertEquals(200, current.status(), current::toString);
        assertEquals(user.username(), current.user().getString("username"));

        Reply updated = api.put("user", "{\"user\":{\"bio\":\"on any server\"}}", "Authorization", "Token " + token);
        assertEquals(200, updated.status(), updated::toString);
        assertEquals("on any server", updated.user().getString("bio"));
    }

    @Test
    public void edumapsLogsInAndReauthenticatesWithTheBritishHeader() {
        Registered user = TestUsers.register(api);
        Reply login = api.post("auth/login", TestUsers.edumapsLogin(user.email(), user.password()));
        assertEquals(200, login.status(), login::toString);
        assertEquals(user.email(), login.json().getJsonObject("data").getString("email"));

        Reply fresh = api.post("auth/token", "", "Authorisation", login.json().getString("token"));
        assertEquals(200, fresh.status(), fresh::toString);
        assertNotEquals(login.json().getString("token"), fresh.json().getString("token"));
        assertEquals(String.valueOf(user.id()), fresh.json().getJsonObject("data").getString("_id"));
    }

    @Test
    public void sessionsAreListedAndRevokedAndAnAccountIsDeletedWithItsPassword() {
        Registered user = TestUsers.register(api);
        String second = api.post("users/login", TestUsers.conduitLogin(user.email(), user.password())).user()
                .getString("token");
        Reply sessions = api.get("user/sessions", "Authorization", "Token " + user.token());
        assertEquals(200, sessions.status(), sessions::toString);
        assertEquals(2, sessions.json().getJsonArray("sessions").size(), sessions::toString);

        assertEquals(204, api.delete("user/sessions/" + Jwt.claims(second).getString("jti"),
                "Authorization", "Token " + user.token()).status());
        assertEquals(401, api.get("user", "Authorization", "Token " + second).status());

        assertEquals(403, api.deleteWith("user", "{\"password\":\"wrong\"}", "Authorization",
                "Token " + user.token()).status());
        Reply deleted = api.deleteWith("user", "{\"user\":{\"password\":\"" + user.password() + "\"}}",
                "Authorization", "Token " + user.token());
        assertEquals(204, deleted.status(), deleted::toString);
        assertEquals(401, api.get("user", "Authorization", "Token " + user.token()).status());
        assertEquals(201, api.post("users", TestUsers.registration(user.email(), user.username(), user.password()))
                .status(), "the email and username are free again");
    }

    @Test
    public void directoryPeopleLogInWithBothDialectsAndTheDirectoryKeepsTheirPasswords() {
        assumeTrue(Boolean.getBoolean("portcullis.it.directory"),
                "no directory configured (portcullis.it.directory: .ci/slapd's people)");
        String password = "Wonderland-Rabbit-42";
        Reply alice = api.post("users/login", TestUsers.conduitLogin("alice", password));
        assertEquals(200, alice.status(), alice::toString);
        JsonObject claims = Jwt.claims(alice.user().getString("token"));
        assertTrue(claims.getJsonArray("groups").toString().contains("\"developer\""), claims::toString);
        assertEquals("[\"corp.example\"]", claims.getJsonArray("belongsTo").toString());

        Reply bob = api.post("auth/login", TestUsers.edumapsLogin("bob@corp.example", password));
        assertEquals(200, bob.status(), bob::toString);
        assertEquals("[\"corp.example\"]", bob.json().getJsonObject("data").getJsonArray("belongsTo").toString(),
                "engineers, through the nested group platform");

        for (String[] refused : new String[][] {{"carol", password}, {"alice*", password}, {"*", password},
                {"alice", " "}, {"alice", "wrong-password"}, {"nobody@corp.example", password}}) {
            Reply reply = api.post("users/login", TestUsers.conduitLogin(refused[0], refused[1]));
            assertEquals(401, reply.status(), refused[0] + ": " + reply);
        }
        Reply change = api.put("user", "{\"user\":{\"password\":\"Another-Strong-Pass-9\"}}", "Authorization",
                "Token " + alice.user().getString("token"));
        assertEquals(422, change.status(), change::toString);
    }

    @Test
    public void aKeycloakTokenIsExchangedOnceInBothDialects() throws Exception {
        String keycloakUrl = System.getProperty("portcullis.it.keycloak", "");
        assumeTrue(!keycloakUrl.isBlank(), "no identity provider configured (portcullis.it.keycloak: .ci/keycloak)");
        Keycloak keycloak = Keycloak.running(URI.create(keycloakUrl));
        String exchange = "grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Atoken-exchange"
                + "&subject_token_type=urn%3Aietf%3Aparams%3Aoauth%3Atoken-type%3A";
        JsonObject tokens = keycloak.tokens("corp", "estate-app", "ada");
        String accessToken = tokens.getString("access_token");
        Reply conduit = api.send("POST", "users/exchange", Api.FORM,
                exchange + "access_token&subject_token=" + accessToken);
        assertEquals(200, conduit.status(), conduit::toString);
        assertEquals("ada@corp.example", conduit.user().getString("email"));
        JsonObject claims = Jwt.claims(conduit.json().getString("access_token"));
        assertTrue(claims.getJsonArray("groups").toString().contains("\"developer\""), claims::toString);
        assertEquals("[\"corp.example\"]", claims.getJsonArray("belongsTo").toString());
        Reply me = api.get("user", "Authorization", "Token " + conduit.user().getString("token"));
        assertEquals(200, me.status(), me::toString);

        Reply edumaps = api.send("POST", "auth/exchange", Api.FORM,
                exchange + "id_token&subject_token=" + tokens.getString("id_token"));
        assertEquals(200, edumaps.status(), edumaps::toString);
        assertEquals(String.valueOf(conduit.user().getJsonNumber("id")),
                edumaps.json().getJsonObject("data").getString("_id"));

        Reply replayed = api.send("POST", "users/exchange", Api.FORM,
                exchange + "access_token&subject_token=" + accessToken);
        assertEquals(401, replayed.status(), replayed::toString);
        assertEquals("invalid_grant", replayed.json().getString("error"));
        // one fresh token sent six times at once: one exchange wins (here, on this server's database), five are replays
        String once = keycloak.accessToken("corp", "estate-app", "ada");
        java.util.concurrent.ExecutorService clients = java.util.concurrent.Executors.newFixedThreadPool(6);
        List<java.util.concurrent.Future<Integer>> sent = java.util.stream.IntStream.range(0, 6)
                .mapToObj(i -> clients.submit(() -> new Api(base).send("POST", "users/exchange", Api.FORM,
                        exchange + "access_token&subject_token=" + once).status()))
                .toList();
        List<Integer> statuses = new java.util.ArrayList<>();
        for (java.util.concurrent.Future<Integer> status : sent) {
            statuses.add(status.get());
        }
        clients.shutdown();
        statuses.sort(null);
        assertEquals(List.of(200, 401, 401, 401, 401, 401), statuses);
        String[] parts = accessToken.split("\\.");
        Reply forged = api.send("POST", "users/exchange", Api.FORM, exchange + "access_token&subject_token="
                + parts[0] + "." + parts[1] + "." + keycloak.accessToken("corp", "estate-app", "ben").split("\\.")[2]);
        assertEquals(401, forged.status(), forged::toString);
    }

    @Test
    public void theConsoleSignsAnAdministratorInAndWorksUnderItsContentSecurityPolicy() throws Exception {
        String adminEmail = System.getProperty("portcullis.it.admin-email", "");
        assumeTrue(!adminEmail.isBlank(), "no administrator named (portcullis.it.admin-email)");
        TestUsers.admin(api, adminEmail);
        HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + base.getPort() + "/admin/")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode());
        String csp = page.headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(csp.contains("default-src 'none'") && !csp.contains("unsafe"), csp);
        assertEquals("DENY", page.headers().firstValue("X-Frame-Options").orElse(""));

        try (ConsolePage console = ConsolePage.start("http://localhost:" + base.getPort() + "/")) {
            console.open();
            console.signInAsAdministrator(adminEmail, TestUsers.STRONG_PASSWORD);
            console.fillAndSubmit("Email or username contains", adminEmail);
            console.wait(java.time.Duration.ofSeconds(20)).until(d -> console.rows().size() == 1);
            assertEquals(adminEmail, console.rows().get(0).get(0));
            console.navigate("Overview");
            assertTrue(console.rows().stream().allMatch(row -> row.get(1).equals("UP")), console.rows().toString());
            console.navigate("Signing keys");
            assertTrue(console.rows().stream().anyMatch(row -> row.get(2).equals("active")), console.rows().toString());
            console.screenshot("external-console-" + base.getPort());
            assertEquals(java.util.List.of(), console.problems(), "no CSP violation or script error");
        }
    }

    @Test
    public void organisationsAndIntegrationsReachTokensAndTheEdumapsAnswer() {
        String adminEmail = System.getProperty("portcullis.it.admin-email", "");
        assumeTrue(!adminEmail.isBlank(), "no administrator named (portcullis.it.admin-email)");
        String admin = TestUsers.admin(api, adminEmail);
        String tag = java.util.UUID.randomUUID().toString().substring(0, 8);
        assertEquals(201, api.post("admin/organisations", "{\"organisation\":{\"domain\":\"ext-" + tag
                + ".example\",\"name\":\"E\"}}", "Authorization", admin).status());
        assertEquals(201, api.post("admin/integrations", "{\"integration\":{\"name\":\"ext-" + tag
                + "\",\"displayName\":\"E\"}}", "Authorization", admin).status());
        Registered user = TestUsers.register(api);
        assertEquals(201, api.put("admin/organisations/ext-" + tag + ".example/members/" + user.id(), "",
                "Authorization", admin).status());
        String integration = api.post("user/integrations/ext-" + tag, "", "Authorization", "Token " + user.token())
                .json().getString("token");

        JsonObject login = api.post("auth/login", TestUsers.edumapsLogin(user.email(), user.password())).json();
        assertEquals("[\"ext-" + tag + ".example\"]", login.getJsonObject("data").getJsonArray("belongsTo").toString());
        assertEquals("[\"ext-" + tag + "\"]", login.getJsonObject("data").getJsonArray("integrations").toString());
        assertEquals("[\"ext-" + tag + ".example\"]", Jwt.claims(login.getString("token")).getJsonArray("belongsTo")
                .toString());
        assertEquals(200, api.get("user", "Authorization", "Token " + integration).status());
        assertEquals(403, api.get("user/sessions", "Authorization", "Token " + integration).status());

        assertEquals(204, api.delete("admin/organisations/ext-" + tag + ".example/members/" + user.id(),
                "Authorization", admin).status());
        assertEquals(401, api.get("user", "Authorization", "Token " + login.getString("token")).status());
        Reply fresh = api.post("auth/token", "", "Authorisation", login.getString("token"));
        assertEquals(200, fresh.status(), fresh::toString);
        assertEquals(204, api.delete("user/integrations/ext-" + tag, "Authorization",
                "Token " + fresh.json().getString("token")).status());
        assertEquals(401, api.get("user", "Authorization", "Token " + integration).status());
        Reply found = api.get("admin/users?q=" + user.username(), "Authorization", admin);
        assertEquals(200, found.status(), found::toString);
        assertEquals(user.email(), found.json().getJsonArray("users").getJsonObject(0).getString("email"));
        assertTrue(api.get("admin/events?kind=membership-removed&user=" + user.id(), "Authorization", admin).json()
                .getJsonArray("events").size() == 1);
    }

    @Test
    public void badInputGetsJsonErrorsNeverA500() {
        assertError(api.post("users/login", "{\"user\":{"), 400);
        assertError(api.post("users", "{\"user\":{\"email\":\"x@example.com\"}}"), 422);
        assertError(api.post("users/login", "{\"user\":{\"email\":\"" + "x".repeat(70_000) + "\"}}"), 413);
        assertError(api.get("user", "Authorization", "Token " + "eyJhbGciOiJub25lIn0.e30."), 401);
        assertError(api.get("no-such-thing"), 404);
    }

    @Test
    public void aLoggedOutTokenIsRefused() {
        Registered user = TestUsers.register(api);
        assertEquals(204, api.post("auth/logout", "", "Authorization", "Token " + user.token()).status());
        assertError(api.get("user", "Authorization", "Token " + user.token()), 401);
    }

    @Test
    public void repeatedFailuresAreThrottled() {
        Registered user = TestUsers.register(api);
        RawHttp client = new RawHttp(base, RawHttp.freshLoopbackAddress());
        String wrong = TestUsers.conduitLogin(user.email(), "not-" + user.password());
        for (int i = 0; i < 5; i++) {
            assertEquals(401, client.post("users/login", Api.JSON, wrong).status());
        }
        Reply throttled = client.post("users/login", Api.JSON,
                TestUsers.conduitLogin(user.email(), user.password()));
        assertEquals(429, throttled.status(), throttled::toString);
        assertTrue(throttled.headers().firstValue("Retry-After").isPresent());
    }

    @Test
    public void keysAreDiscoverableAndSignTheTokens() {
        Registered user = TestUsers.register(api);
        Reply jwks = api.get(".well-known/jwks.json");
        assertEquals(200, jwks.status(), jwks::toString);
        assertTrue(jwks.body().contains(Jwt.header(user.token()).getString("kid")));
        Reply discovery = api.get(".well-known/openid-configuration");
        assertTrue(discovery.json().getString("jwks_uri").endsWith("/.well-known/jwks.json"), discovery::toString);
    }

    @Test
    public void theOpenApiDocumentDescribesBothDialects() throws Exception {
        HttpResponse<String> document = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + base.getPort() + "/openapi")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, document.statusCode());
        for (String path : new String[] {"/api/users/login", "/api/user", "/api/auth/login", "/api/auth/token"}) {
            assertTrue(document.body().contains(path), "OpenAPI document lacks " + path);
        }
    }

    @Test
    public void readinessReportsTheDatabaseAndTheKeys() throws Exception {
        String health = System.getProperty("portcullis.it.external-health-url", "");
        assumeTrue(!health.isBlank(), "no health URL named (portcullis.it.external-health-url)");
        HttpResponse<String> ready = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(health + "/ready")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, ready.statusCode(), ready.body());
        assertTrue(ready.body().contains("\"database\"") && ready.body().contains("\"signing-keys\""), ready.body());
    }

    @Test
    public void answersCarryHygieneHeadersStandardStatusLinesAndNoServerVersion() {
        Registered user = TestUsers.register(api);
        Reply login = api.post("users/login", TestUsers.conduitLogin(user.email(), user.password()));
        for (Reply reply : new Reply[] {login, api.get("user"), api.get("no-such-thing")}) {
            assertEquals("nosniff", reply.headers().firstValue("X-Content-Type-Options").orElse(""), reply::toString);
            assertEquals("no-store", reply.headers().firstValue("Cache-Control").orElse(""), reply::toString);
            assertEquals("no-cache", reply.headers().firstValue("Pragma").orElse(""), reply::toString);
            String server = reply.headers().firstValue("Server").orElse("")
                    + reply.headers().firstValue("X-Powered-By").orElse("");
            assertFalse(server.matches(".*\\d.*"), "the server tells its version: " + server);
        }
        RawHttp client = new RawHttp(base, RawHttp.freshLoopbackAddress());
        String unprocessable = client.post("users", Api.JSON, "{\"user\":{}}").statusLine();
        assertTrue(unprocessable.equals("HTTP/1.1 422 Unprocessable Content")
                || unprocessable.equals("HTTP/1.1 422 Unprocessable Entity"), unprocessable);
        assertEquals(404, api.get("application.wadl").status());
    }

    @Test
    public void aBrowserOriginOnTheListIsAllowedAndOthersAreNot() {
        String origin = System.getProperty("portcullis.it.cors-origin", "");
        assumeTrue(!origin.isBlank(), "no allowed origin named (portcullis.it.cors-origin)");
        Reply preflight = api.send("OPTIONS", "users/login", null, null, "Origin", origin,
                "Access-Control-Request-Method", "POST", "Access-Control-Request-Headers", "content-type");
        assertEquals(204, preflight.status(), preflight::toString);
        assertEquals(origin, preflight.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
        Reply refused = api.get("user", "Origin", origin);
        assertEquals(401, refused.status());
        assertEquals(origin, refused.headers().firstValue("Access-Control-Allow-Origin").orElse(""),
                "an error answer must carry the header, or the app cannot read it");
        assertTrue(refused.headers().firstValue("Access-Control-Allow-Credentials").isEmpty());
        Reply foreign = api.send("OPTIONS", "users/login", null, null, "Origin", "https://evil.example",
                "Access-Control-Request-Method", "POST");
        assertTrue(foreign.headers().firstValue("Access-Control-Allow-Origin").isEmpty(), foreign::toString);
        assertEquals("*", api.get(".well-known/jwks.json", "Origin", "https://evil.example").headers()
                .firstValue("Access-Control-Allow-Origin").orElse(""));
    }

    @Test
    public void aTrustedProxysForwardedAddressIsTheOneThrottled() {
        String proxy = System.getProperty("portcullis.it.trusted-proxy", "");
        assumeTrue(!proxy.isBlank(), "no trusted proxy named (portcullis.it.trusted-proxy)");
        String client = "198.51.100." + (1 + new java.security.SecureRandom().nextInt(250));
        String neighbour = "203.0.113." + (1 + new java.security.SecureRandom().nextInt(250));
        RawHttp viaProxy = new RawHttp(base, proxy);
        Reply reply = null;
        for (int i = 0; i < 21; i++) {
            reply = viaProxy.post("users/login", Api.JSON, TestUsers.conduitLogin(
                    "nobody-" + java.util.UUID.randomUUID() + "@example.com", "wrong"), "X-Forwarded-For", client);
        }
        assertEquals(429, reply.status(), "20 failures from the forwarded address throttle it: " + reply);
        Reply neighbourReply = viaProxy.post("users/login", Api.JSON,
                TestUsers.conduitLogin("nobody@example.com", "wrong"), "X-Forwarded-For", neighbour);
        assertEquals(401, neighbourReply.status(), "another client behind the proxy is counted on its own");
        Reply direct = new RawHttp(base, RawHttp.freshLoopbackAddress()).post("users/login", Api.JSON,
                TestUsers.conduitLogin("nobody@example.com", "wrong"), "X-Forwarded-For", client);
        assertEquals(401, direct.status(), "a client that is no trusted proxy chose its address: " + direct);
    }

    @Test
    public void theSeedsReauthenticationAtAuthLocalWorks() {
        Registered user = TestUsers.register(api);
        Reply reply = new RawHttp(base, "127.0.0.1").send("POST", "auth/local", null, null,
                "Authorisation", user.token());
        assertEquals(200, reply.status(), reply::toString);
        assertEquals(user.email(), reply.json().getJsonObject("data").getString("email"));
    }

    private static void assertError(Reply reply, int status) {
        assertEquals(status, reply.status(), reply::toString);
        assertTrue(reply.json().containsKey("errors"), reply::toString);
        assertFalse(reply.body().contains("Exception"), reply::toString);
    }
}
