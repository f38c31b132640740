package portcullis.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import portcullis.fixtures.Jwt;
import portcullis.fixtures.TestUsers;
import portcullis.fixtures.TestUsers.Registered;
import portcullis.http.Api;
import portcullis.http.Reply;
import portcullis.servers.SharedServer;

/**
 * The admin console in headless Chromium against the real server: signing in (and being refused), finding a user
 * among a thousand, the actions of a user's page seen through the API afterwards, organisations, the integrations
 * catalogue, keys, events, the overview; then what makes it safe and usable: values shown as text, the CSP kept,
 * labels on every control, a narrow window. Screenshots of each screen go to target/screenshots/console-*.png.
 */
@Tag("database-independent")
@Tag("browser")
@Tag("slow")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@SharedServer({"portcullis.admin.bootstrap-email=" + ConsoleIT.ADMIN,
        "portcullis.admin.bootstrap-password=" + TestUsers.STRONG_PASSWORD, "portcullis.users.bcrypt-cost=4",
        "portcullis.tokens.admin-lifetime=PT20S"})
public class ConsoleIT {
    static final String ADMIN = "console-admin@portcullis.test";
    private static final String OPERATOR = "console-operator@portcullis.test";
    private static final String XSS_NAME = "<img src=x onerror=alert(1)>";
    private static final String TAG = "cn" + UUID.randomUUID().toString().substring(0, 6);
    private static final int USERS = 1_000;

    private static ConsolePage console;
    /** When the console signed in: its admin token lives 20 s here, so it has to renew itself after that. */
    private static Instant signedInAt;
    private static boolean seeded;

    Api api;
    URL base;

    @BeforeEach
    void seedAndOpenOnce() throws Exception {
        if (seeded) {
            return;
        }
        TestUsers.grantedAdministrator(api, TestUsers.admin(api, ADMIN), OPERATOR);
        String operator = operator();
        ExecutorService creators = Executors.newFixedThreadPool(4);
        List<Future<Reply>> created = new ArrayList<>();
        for (int i = 0; i < USERS; i++) {
            String n = String.format("%04d", i);
            created.add(creators.submit(() -> api.post("admin/users", TestUsers.registration(
                    TAG + "-" + n + "@example.com", TAG + "_" + n, TestUsers.STRONG_PASSWORD), "Authorization", operator())));
        }
        for (Future<Reply> reply : created) {
            assertEquals(201, reply.get(5, TimeUnit.MINUTES).status());
        }
        creators.shutdown();
        console = ConsolePage.start("http://localhost:" + base.getPort() + "/");
        seeded = true;
    }

    @AfterAll
    static void closeBrowser() {
        if (console != null) {
            console.close();
        }
    }

    @Test
    @Order(1)
    void aUserWhoIsNotAnAdministratorIsRefusedAndTheirTokenRevoked() {
        Registered user = TestUsers.register(api);
        console.open();
        console.screenshot("console-sign-in");
        console.signIn(user.email(), user.password());

        assertEquals("This account is not an administrator.", console.signInError());
        assertFalse(console.driver().findElement(By.id("nav")).isDisplayed());
        assertTrue(console.driver().findElement(By.id("sign-in")).isDisplayed());
        Reply logouts = api.get("admin/events?kind=logout&user=" + user.id(), "Authorization", operator());
        assertEquals(1, logouts.json().getJsonArray("events").size(), "the console revokes the token it was given: "
                + logouts);
    }

    @Test
    @Order(2)
    void aWrongPasswordIsRefusedWithoutSayingWhichPartWasWrong() {
        console.open();
        console.signIn(ADMIN, "not-the-password");
        assertEquals("Email or password is invalid.", console.signInError());
        assertEquals("", console.driver().findElement(By.id("password")).getAttribute("value"));
    }

    @Test
    @Order(3)
    void anAdministratorSignsInWithTheKeyboardAndTheTokenStaysInMemory() {
        console.open();
        console.signInAsAdministrator(ADMIN, TestUsers.STRONG_PASSWORD);
        signedInAt = Instant.now();

        assertEquals(ADMIN, console.driver().findElement(By.id("who")).getText());
        assertEquals(0L, console.script("return localStorage.length;"));
        assertEquals("", console.script("return document.cookie;"));
        assertEquals(List.of("test-problems"), console.script("return Object.keys(sessionStorage)"
                + ".filter((key) => key !== 'test-problems').concat(['test-problems']);"));
        String page = console.driver().getPageSource();
        assertFalse(page.contains("eyJ"), "no token in the page");
    }

    @Test
    @Order(4)
    void findsOneUserAmongAThousandAndPagesThroughThem() {
        console.navigate("Users");
        console.fillAndSubmit("Email or username contains", TAG + "-0777");
        console.wait(Duration.ofSeconds(20)).until(d -> console.rows().size() == 1
                && console.rows().get(0).get(0).equals(TAG + "-0777@example.com"));

        // Created by four threads at once: in id order, which is not the order of the numbers in the emails.
        console.fillAndSubmit("Email or username contains", TAG);
        console.wait(Duration.ofSeconds(20)).until(d -> console.rows().size() == 50
                && console.rows().stream().allMatch(row -> row.get(0).startsWith(TAG + "-")));
        List<String> first = console.rows().stream().map(row -> row.get(0)).toList();
        console.screenshot("console-users");
        console.driver().findElement(By.linkText("Next page")).click();
        console.wait(Duration.ofSeconds(20)).until(d -> console.rows().size() == 50
                && console.rows().stream().allMatch(row -> row.get(0).startsWith(TAG + "-"))
                && console.rows().stream().noneMatch(row -> first.contains(row.get(0))));
        assertTrue(console.driver().findElements(By.linkText("First page")).size() == 1);
    }

    @Test
    @Order(5)
    void disablingAUserMakesTheApiRefuseTheirToken() {
        Registered user = logIn(17);
        assertEquals(200, api.get("user", "Authorization", "Token " + user.token()).status());

        openUser(user);
        console.click("Disable");
        assertEquals("Disabled " + user.email() + " (" + user.username() + "); their tokens are refused.",
                console.awaitStatus("Disabled"));
        assertTrue(console.screen().getText().contains("disabled"));
        console.screenshot("console-user-disabled");

        assertEquals(401, api.get("user", "Authorization", "Token " + user.token()).status());
        assertEquals(401, api.post("users/login", TestUsers.conduitLogin(user.email(), user.password())).status());
    }

    @Test
    @Order(5)
    void anAdministratorIsMadeAndUnmadeInTheConsoleAndTheEarlierTokenLosesItsPower() {
        Registered user = logIn(18);
        openUser(user);
        console.click("Make administrator");
        assertEquals("Made " + user.email() + " (" + user.username() + ") an administrator (from their next sign-in).",
                console.awaitStatus("Made"));
        String adminToken = api.post("users/login", TestUsers.conduitLogin(user.email(), user.password())).user()
                .getString("token");
        assertEquals(200, api.get("admin/overview", "Authorization", "Token " + adminToken).status());
        console.screenshot("console-user-administrator");

        console.click("Remove administrator");
        assertEquals("Removed administrator standing from " + user.email() + " (" + user.username() + "); their"
                + " earlier tokens are refused.", console.awaitStatus("Removed administrator"));
        assertTrue(console.screen().getText().contains("Make administrator"));
        assertEquals(401, api.get("admin/overview", "Authorization", "Token " + adminToken).status());
        assertEquals(403, api.get("admin/overview", "Authorization", "Token " + api.post("users/login",
                TestUsers.conduitLogin(user.email(), user.password())).user().getString("token")).status());
    }

    @Test
    @Order(6)
    void revokingOneSessionEndsThatTokenOnly() {
        Registered user = logIn(23);
        String other = logIn(23).token();
        String jti = Jwt.claims(user.token()).getString("jti");

        openUser(user);
        WebElement row = console.screen().findElement(By.xpath(".//tr[td/code[normalize-space(.)='" + jti + "']]"));
        row.findElement(By.xpath(".//button[normalize-space(.)='Revoke']")).click();
        assertEquals("Revoked session " + jti + " of " + user.email() + " (" + user.username() + ").",
                console.awaitStatus("Revoked session"));
        assertTrue(console.screen().findElements(By.xpath(".//td/code[normalize-space(.)='" + jti + "']")).isEmpty());

        assertEquals(401, api.get("user", "Authorization", "Token " + user.token()).status());
        assertEquals(200, api.get("user", "Authorization", "Token " + other).status());
    }

    @Test
    @Order(6)
    void aNewPasswordSetInTheConsoleIsTheOneThatLogsIn() {
        Registered user = logIn(31);
        openUser(user);
        console.fillAndSubmit("New password", "Otter-Gazebo-Quartz-88");
        assertEquals("Set a new password for " + user.email() + " (" + user.username() + ").",
                console.awaitStatus("Set a new password"));
        assertEquals("", console.field("New password").getAttribute("value"), "the password is not kept in the page");
        assertEquals(401, api.get("user", "Authorization", "Token " + user.token()).status());
        assertEquals(401, api.post("users/login", TestUsers.conduitLogin(user.email(), user.password())).status());
        assertEquals(200, api.post("users/login", TestUsers.conduitLogin(user.email(), "Otter-Gazebo-Quartz-88"))
                .status());
    }

    @Test
    @Order(6)
    void throttlingIsShownAndLifted() {
        Registered user = logIn(32);
        for (int i = 0; i < 3; i++) {
            assertEquals(401, api.post("users/login", TestUsers.conduitLogin(user.email(), "wrong")).status());
        }
        openUser(user);
        assertTrue(console.screen().getText().contains("3 failed logins counted"), console.screen().getText());
        console.click("Lift throttling");
        console.awaitStatus("Lifted throttling");
        assertTrue(console.screen().getText().contains("no failed logins"), console.screen().getText());
        assertEquals(0, api.get("admin/users/" + user.id(), "Authorization", operator()).json().getJsonObject("user")
                .getJsonObject("throttling").getInt("failures"));
    }

    @Test
    @Order(6)
    void deletingAUserAsksFirstNamingThem() {
        Registered user = logIn(33);
        openUser(user);
        console.click("Delete user…");
        String question = console.confirm("Cancel");
        assertEquals("Delete the user " + user.email() + " (" + user.username() + ")? This cannot be undone.",
                question);
        assertEquals(200, api.get("admin/users/" + user.id(), "Authorization", operator()).status(), "cancelled");

        console.click("Delete user…");
        console.confirm("Delete " + user.email());
        console.awaitHeading("Users");
        assertEquals(404, api.get("admin/users/" + user.id(), "Authorization", operator()).status());
        assertEquals(401, api.get("user", "Authorization", "Token " + user.token()).status());
    }

    @Test
    @Order(7)
    void aMembershipAddedInTheConsoleIsInTheUsersEdumapsAnswer() {
        String domain = TAG + ".example.org";
        console.navigate("Organisations");
        console.field("Domain").sendKeys(domain);
        console.fillAndSubmit("Name", "Console Test Org");
        console.awaitStatus("Created");
        console.wait(Duration.ofSeconds(20)).until(d -> console.rows().stream().anyMatch(r -> r.get(0).equals(domain)));
        console.screenshot("console-organisations");

        Registered user = logIn(42);
        openUser(user);
        console.fillAndSubmit("Organisation (domain)", domain);
        assertEquals("Added " + user.email() + " (" + user.username() + ") to " + domain + ".",
                console.awaitStatus("Added"));
        console.screenshot("console-user");

        JsonObject data = api.post("auth/login", TestUsers.edumapsLogin(user.email(), user.password())).json()
                .getJsonObject("data");
        assertEquals(List.of(domain), data.getJsonArray("belongsTo").getValuesAs(JsonString::getString));

        console.driver().findElement(By.linkText(domain)).click();
        console.awaitHeading("Console Test Org");
        assertEquals(List.of(List.of(user.email(), user.username(), "Remove")), console.rows());
        console.screenshot("console-organisation");
    }

    @Test
    @Order(8)
    void rotatingAKeyPublishesTheNextOne() {
        console.navigate("Signing keys");
        int before = console.rows().size();
        console.click("Rotate keys");
        console.awaitStatus("Rotation started");
        console.wait(Duration.ofSeconds(20)).until(d -> console.rows().size() == before + 1);
        assertTrue(console.rows().stream().anyMatch(row -> row.get(2).equals("next")), console.rows().toString());
        console.screenshot("console-keys");

        Reply keys = api.get("admin/keys", "Authorization", operator());
        assertEquals(before + 1, keys.jsonArray().size());
        String next = keys.jsonArray().getValuesAs(JsonObject.class).stream()
                .filter(key -> key.getString("state").equals("NEXT")).findFirst().orElseThrow().getString("kid");

        // The emergency retirement of (here) the next key: asked first, naming it.
        console.screen().findElement(By.xpath(".//tr[td/code[normalize-space(.)='" + next + "']]//button")).click();
        assertTrue(console.confirm("Retire " + next).startsWith("Retire the key " + next + " now?"));
        console.awaitStatus("Retired " + next);
        assertTrue(api.get("admin/keys", "Authorization", operator()).jsonArray().getValuesAs(JsonObject.class).stream()
                .noneMatch(key -> key.getString("kid").equals(next)));
        assertFalse(api.get("../.well-known/jwks.json").body().contains(next), "unpublished");
    }

    @Test
    @Order(9)
    void markupInANameIsShownAsTextAndRunsNothing() {
        Registered user = logIn(99);
        assertEquals(200, api.put("user", "{\"user\":{\"name\":\"" + XSS_NAME + "\"}}",
                "Authorization", "Token " + user.token()).status());
        Reply organisation = api.post("admin/organisations", "{\"organisation\":{\"domain\":\"xss-" + TAG
                + ".example\",\"name\":\"" + XSS_NAME + "\"}}", "Authorization", operator());
        assertEquals(201, organisation.status(), organisation::toString);

        console.navigate("Users");
        console.fillAndSubmit("Email or username contains", user.username());
        console.wait(Duration.ofSeconds(20)).until(d -> console.rows().size() == 1);
        assertEquals(XSS_NAME, console.rows().get(0).get(2));
        console.screenshot("console-xss-as-text");
        openUser(user);
        assertTrue(console.screen().getText().contains(XSS_NAME));
        console.navigate("Organisations");
        console.wait(Duration.ofSeconds(20)).until(d -> console.rows().stream().anyMatch(r -> r.get(1).equals(XSS_NAME)));

        assertEquals(0L, console.script("return document.querySelectorAll('#screen img').length;"));
        try {
            console.driver().switchTo().alert();
            throw new AssertionError("an alert ran");
        } catch (NoAlertPresentException expected) {
            // nothing ran
        }
    }

    @Test
    @Order(10)
    void theEventsScreenShowsWhatTheAdministratorDid() {
        long disabled = api.get("admin/users?q=" + TAG + "-0017", "Authorization", operator()).json()
                .getJsonArray("users").getJsonObject(0).getJsonNumber("id").longValue();
        console.navigate("Security events");
        console.field("User id").sendKeys(String.valueOf(disabled));
        new org.openqa.selenium.support.ui.Select(console.field("Kind")).selectByVisibleText("user-disabled");
        console.click("Filter");
        console.wait(Duration.ofSeconds(20)).until(d -> console.rows().size() == 1);
        List<String> event = console.rows().get(0);
        assertEquals(List.of("user-disabled", "success", String.valueOf(disabled)), event.subList(1, 4));
        console.screenshot("console-events");
    }

    @Test
    @Order(11)
    void theCatalogueGrowsFromTheConsole() {
        console.navigate("Integrations");
        console.field("Name (lower case, digits, dashes)").sendKeys(TAG + "-calendar");
        console.fillAndSubmit("Display name", "Team calendar");
        console.awaitStatus("Created");
        console.wait(Duration.ofSeconds(20)).until(d -> console.rows().stream()
                .anyMatch(r -> r.get(0).equals(TAG + "-calendar")));
        console.screenshot("console-integrations");
        assertTrue(api.get("admin/integrations", "Authorization", operator()).body().contains(TAG + "-calendar"));
    }

    @Test
    @Order(12)
    void theOverviewShowsReadinessAndTheLastHour() {
        console.navigate("Overview");
        assertEquals(List.of(List.of("database", "UP"), List.of("directory", "UP"), List.of("signing-keys", "UP")),
                console.rows(), "the directory, when none is configured, is up");
        String text = console.screen().getText();
        assertTrue(text.contains("This node is ready."), text);
        long logins = Long.parseLong(console.screen().findElement(
                By.xpath(".//dt[.='Successful logins']/following-sibling::dd[1]")).getText());
        assertTrue(logins >= 5, "the logins of this test class, counted in the last hour: " + logins);
        console.screenshot("console-overview");
    }

    @Test
    @Order(13)
    void everyControlOnEveryScreenHasALabel() {
        Registered user = logIn(5);
        for (String screen : List.of("#/overview", "#/users", "#/users/" + user.id(), "#/organisations",
                "#/organisations/" + TAG + ".example.org", "#/integrations", "#/keys", "#/events")) {
            console.script("location.hash = arguments[0];", screen);
            console.wait(Duration.ofSeconds(20)).until(d -> console.script(
                    "return !document.getElementById('screen').hasAttribute('aria-busy');").equals(Boolean.TRUE));
            Object unlabelled = console.script("""
                    return [...document.querySelectorAll('input, select, button, textarea')]
                      .filter((c) => c.offsetParent !== null)
                      .filter((c) => !(c.getAttribute('aria-label') || [...(c.labels || [])].some((l) => l.textContent.trim())
                        || (c.tagName === 'BUTTON' && c.textContent.trim())))
                      .map((c) => c.outerHTML);
                    """);
            assertEquals(List.of(), unlabelled, screen);
        }
    }

    @Test
    @Order(14)
    void aNarrowWindowScrollsTablesInsteadOfThePage() {
        Registered user = logIn(64);
        console.driver().manage().window().setSize(new Dimension(390, 844));
        try {
            openUser(user);
            assertEquals(Boolean.TRUE, console.script(
                    "return document.documentElement.scrollWidth <= document.documentElement.clientWidth;"));
            console.screenshot("console-user-narrow");
            console.navigate("Users");
            assertEquals(Boolean.TRUE, console.script(
                    "return document.documentElement.scrollWidth <= document.documentElement.clientWidth;"));
        } finally {
            console.driver().manage().window().setSize(new Dimension(1280, 800));
        }
    }

    @Test
    @Order(14)
    void theConsoleRenewsItsShortLivedTokenWithoutAskingAgain() throws InterruptedException {
        long left = Duration.ofSeconds(25).minus(Duration.between(signedInAt, Instant.now())).toMillis();
        if (left > 0) {
            Thread.sleep(left); // past the 20 s an admin token lives here
        }
        console.navigate("Users");
        console.fillAndSubmit("Email or username contains", TAG + "-0042");
        // the search answers once the console has renewed its token (it would show the sign-in screen otherwise)
        console.wait(Duration.ofSeconds(20)).until(d -> console.rows().size() == 1
                && console.rows().get(0).get(0).equals(TAG + "-0042@example.com"));
        long adminId = api.get("admin/users?q=" + ADMIN, "Authorization", operator()).json().getJsonArray("users")
                .getJsonObject(0).getJsonNumber("id").longValue();
        assertTrue(api.get("admin/events?kind=reauthentication&user=" + adminId, "Authorization", operator()).json()
                .getJsonArray("events").size() >= 1, "the console never renewed its token");
    }

    @Test
    @Order(15)
    void theConsoleSignsOutWhenItsTokenIsRevoked() {
        long adminId = api.get("admin/users?q=" + ADMIN, "Authorization", operator()).json().getJsonArray("users")
                .getJsonObject(0).getJsonNumber("id").longValue();
        assertEquals(204, api.post("admin/users/" + adminId + "/revoke-tokens", "", "Authorization", operator()).status());

        console.driver().findElement(By.id("nav")).findElement(By.linkText("Overview")).click();
        console.await(By.id("sign-in"));
        assertEquals("Your session has ended. Sign in again.", console.signInError());
        assertFalse(console.driver().findElement(By.id("nav")).isDisplayed());
    }

    @Test
    @Order(16)
    void theCspHeaderIsSentAndThePageKeptToIt() throws Exception {
        for (String file : List.of("", "index.html", "console.css", "js/main.js")) {
            HttpResponse<String> reply = consoleFile(file);
            assertEquals(200, reply.statusCode(), file);
            String csp = reply.headers().firstValue("Content-Security-Policy").orElse("");
            assertTrue(csp.contains("script-src 'self'") && csp.contains("frame-ancestors 'none'")
                    && !csp.contains("unsafe-inline") && !csp.contains("unsafe-eval"), csp);
            assertEquals("DENY", reply.headers().firstValue("X-Frame-Options").orElse(""));
        }
        assertEquals(List.of(), console.problems(), "no CSP violation or script error on any screen");

        // The watch is live: a blocked image is reported.
        console.script("const i = document.createElement('img'); i.src = 'http://127.0.0.1:9/x.png';"
                + " document.body.append(i);");
        console.wait(Duration.ofSeconds(10)).until(d -> !console.problems().isEmpty());
        assertTrue(console.problems().get(0).startsWith("CSP img-src"), console.problems().toString());
    }

    /** The second administrator's header, logged in afresh: admin tokens live 20 s here. */
    private String operator() {
        return TestUsers.admin(api, OPERATOR);
    }

    private Registered logIn(int n) {
        String number = String.format("%04d", n);
        Reply reply = api.post("users/login", TestUsers.conduitLogin(TAG + "-" + number + "@example.com",
                TestUsers.STRONG_PASSWORD));
        assertEquals(200, reply.status(), reply::toString);
        return new Registered(reply.user().getJsonNumber("id").longValue(), reply.user().getString("email"),
                TAG + "_" + number, TestUsers.STRONG_PASSWORD, reply.user().getString("token"));
    }

    private void openUser(Registered user) {
        console.go("#/users/" + user.id());
        console.awaitHeading(user.email());
    }

    /** A file of the console, as any HTTP client gets it. */
    private HttpResponse<String> consoleFile(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + base.getPort() + "/admin/" + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
