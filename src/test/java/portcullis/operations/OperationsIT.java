package portcullis.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import portcullis.fixtures.TestUsers;
import portcullis.fixtures.TestUsers.Registered;
import portcullis.http.Api;
import portcullis.http.RawHttp;
import portcullis.http.Reply;
import portcullis.servers.SharedServer;

/** What operations see on Payara Micro: MicroProfile Health, Metrics and OpenAPI. */
@Tag("database-independent")
@SharedServer
public class OperationsIT {

    URL base;

    @Test
    public void readinessChecksTheDatabaseAndTheKeysAndLivenessIsUp() {
        Api api = new Api(base);
        Reply ready = api.get("../health/ready");
        assertEquals(200, ready.status(), ready::toString);
        assertTrue(ready.body().contains("\"database\"") && ready.body().contains("\"signing-keys\""), ready::toString);
        assertEquals(200, api.get("../health/live").status());
    }

    @Test
    public void metricsCountLoginsByOutcomeTokensAndTokenChecks() {
        Api api = new Api(base);
        Registered user = TestUsers.register(api);
        double successes = metric(api, "portcullis_logins_total", "outcome=\"success\"");
        double failures = metric(api, "portcullis_logins_total", "outcome=\"failure\"");
        double verified = metric(api, "portcullis_tokens_verified_total", "");
        double refused = metric(api, "portcullis_tokens_refused_total", "");

        assertEquals(200, api.post("users/login", TestUsers.conduitLogin(user.email(), user.password())).status());
        assertEquals(401, api.post("users/login", TestUsers.conduitLogin(user.email(), "wrong-password")).status());
        assertEquals(200, api.get("user", "Authorization", "Token " + user.token()).status());
        assertEquals(401, api.get("user", "Authorization", "Token " + user.token() + "x").status());

        assertEquals(successes + 1, metric(api, "portcullis_logins_total", "outcome=\"success\""));
        assertEquals(failures + 1, metric(api, "portcullis_logins_total", "outcome=\"failure\""));
        assertEquals(verified + 1, metric(api, "portcullis_tokens_verified_total", ""));
        assertEquals(refused + 1, metric(api, "portcullis_tokens_refused_total", ""));
        assertTrue(api.get("../metrics?scope=application").body().contains("portcullis_tokens_issued_total"));
        assertTrue(metric(api, "portcullis_login_time_count", "outcome=\"success\"") >= 1, "no login time");
    }

    @Test
    public void metricsCountRevocationsAndThrottledAttempts() {
        Api api = new Api(base);
        Registered user = TestUsers.register(api);
        double logouts = metric(api, "portcullis_revocations_total", "kind=\"token\"");
        double throttled = metric(api, "portcullis_throttled_total", "action=\"login\"");

        assertEquals(204, api.post("auth/logout", "", "Authorization", "Token " + user.token()).status());
        RawHttp client = new RawHttp(base, RawHttp.freshLoopbackAddress());
        String wrong = TestUsers.conduitLogin(user.email(), "wrong-password");
        for (int i = 0; i < 5; i++) {
            assertEquals(401, client.post("users/login", Api.JSON, wrong).status());
        }
        assertEquals(429, client.post("users/login", Api.JSON, wrong).status());

        assertEquals(logouts + 1, metric(api, "portcullis_revocations_total", "kind=\"token\""));
        assertEquals(throttled + 1, metric(api, "portcullis_throttled_total", "action=\"login\""));
    }

    @Test
    public void theOpenApiDocumentDescribesBothDialects() {
        Reply document = new Api(base).get("../openapi");
        assertEquals(200, document.status());
        for (String path : new String[] {"/api/users/login", "/api/user", "/api/auth/login", "/api/auth/token"}) {
            assertTrue(document.body().contains(path), "OpenAPI document lacks " + path);
        }
    }

    /**
     * Every route the OpenAPI document lists answers on the real server: without a token, a protected one says 401
     * and an open one reads the request; none says 404 (no such route) or 405 (no such method). With
     * {@link OpenApiRoutesTest} (the document against the code), the document cannot drift from what is served.
     */
    @Test
    public void everyDocumentedRouteIsServed() throws Exception {
        Api api = new Api(base);
        for (String route : OpenApiRoutesTest.documentedRoutes()) {
            String method = route.substring(0, route.indexOf(' '));
            String path = route.substring(route.indexOf(' ') + 1)
                    .replace("{id}", "1").replace("{userId}", "1").replace("{domain}", "example.org")
                    .replace("{name}", "calendar").replace("{jti}", "a-jti").replace("{kid}", "a-kid");
            String relative = path.startsWith("/api/") ? path.substring("/api/".length()) : ".." + path;
            Reply reply = method.equals("GET")
                    ? api.get(relative)
                    : api.send(method, relative, Api.JSON, "{}");
            assertTrue(reply.status() != 404 && reply.status() != 405, () -> route + " answered " + reply);
            assertTrue(reply.status() < 500, () -> route + " answered " + reply);
        }
    }

    /** The value of a metric line (0 before it first counts), from the OpenMetrics text. */
    private static double metric(Api api, String name, String label) {
        Reply metrics = api.get("../metrics?scope=application");
        assertEquals(200, metrics.status(), metrics::toString);
        Matcher line = Pattern.compile("(?m)^" + name + "\\{([^}]*)\\} ([0-9.E+-]+)$").matcher(metrics.body());
        while (line.find()) {
            if (line.group(1).contains(label)) {
                return Double.parseDouble(line.group(2));
            }
        }
        return 0;
    }
}
