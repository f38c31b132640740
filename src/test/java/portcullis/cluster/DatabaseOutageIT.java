package portcullis.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import portcullis.fixtures.Deployments;
import portcullis.fixtures.TestDatabase;
import portcullis.fixtures.TestUsers;
import portcullis.fixtures.TestUsers.Registered;
import portcullis.http.Api;
import portcullis.http.Reply;
import portcullis.servers.PayaraMicroProcess;

/**
 * PostgreSQL stopped under load and started again, with the script that started it for the suite
 * ({@code portcullis.it.database-control}, .ci/postgres). Runs when the suite runs against PostgreSQL (CI does).
 */
public class DatabaseOutageIT {
    private static final Duration RECOVERY_LIMIT = Duration.ofSeconds(30);
    private static final String BROWSER_APP = "https://app.example.com";

    private static PayaraMicroProcess node;
    private static Api api;

    @BeforeAll
    static void start() throws IOException {
        assumeTrue(TestDatabase.isPostgres(), "the outage test stops the shared PostgreSQL (PORTCULLIS_DB_HOST)");
        Path target = Path.of(System.getProperty("portcullis.target", "target"));
        node = PayaraMicroProcess.start(Deployments.BUILT_WAR.toPath(), target.resolve("outage-data"),
                "database-outage", Map.of("portcullis.users.bcrypt-cost", "4",
                        "portcullis.cors.allowed-origins", BROWSER_APP), "api/user");
        api = new Api(node.base());
    }

    @AfterAll
    static void stop() throws Exception {
        if (node == null) {
            return; // not run (embedded Derby)
        }
        database("start"); // whatever happened, the database is up for the classes after this one
        node.close();
    }

    @Test
    public void duringAnOutageAnswersAreJson503AndServiceReturnsByItself() throws Exception {
        Registered user = TestUsers.register(api);
        assertEquals(200, api.get("../health/ready").status(), "not ready before the outage");

        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger answers = new AtomicInteger();
        ConcurrentLinkedQueue<String> unacceptable = new ConcurrentLinkedQueue<>();
        Thread load = new Thread(() -> {
            while (running.get()) {
                for (Reply reply : List.of(api.get("user", "Authorization", "Token " + user.token()),
                        api.post("users/login", TestUsers.conduitLogin(user.email(), user.password())))) {
                    answers.incrementAndGet();
                    if (reply.status() >= 500 && reply.status() != 503 || !reply.body().startsWith("{")
                            || reply.body().contains("Exception")) {
                        unacceptable.add(reply.toString());
                    }
                }
            }
        });
        load.start();
        try {
            Thread.sleep(1000);
            database("stop");

            Reply duringOutage = awaitStatus(() -> api.get("user", "Authorization", "Token " + user.token()), 503);
            Instant asked = Instant.now();
            assertEquals(503, api.get("user", "Authorization", "Token " + user.token()).status());
            long waited = Duration.between(asked, Instant.now()).toMillis();
            // The default: no retries through an outage (portcullis.database.outage-retries=0); EclipseLink's own
            // default made every request wait ten seconds
            assertTrue(waited < 2_000, "a request waited " + waited + " ms for the database");
            System.out.println("Database outage: a request got its 503 after " + waited + " ms");
            assertEquals("unavailable, try again shortly",
                    duringOutage.json().getJsonObject("errors").getJsonArray("database").getString(0));
            assertTrue(duringOutage.headers().firstValue("Retry-After").isPresent(), "503 without Retry-After");
            Reply login = api.post("users/login", TestUsers.conduitLogin(user.email(), user.password()),
                    "Origin", BROWSER_APP);
            assertEquals(503, login.status(), login::toString);
            assertEquals(BROWSER_APP, login.headers().firstValue("Access-Control-Allow-Origin").orElse(""),
                    "a browser app cannot read a 503 without the CORS headers");
            Reply readiness = api.get("../health/ready");
            assertEquals(503, readiness.status(), "ready without a database: " + readiness);
            assertTrue(readiness.body().contains("DOWN"), readiness::toString);
            assertEquals(200, api.get("../health/live").status(), "a database outage is not a reason to restart");

            database("start");
            Instant back = Instant.now();
            awaitStatus(() -> api.post("users/login", TestUsers.conduitLogin(user.email(), user.password())), 200);
            Duration recovery = Duration.between(back, Instant.now());
            awaitStatus(() -> api.get("../health/ready"), 200);
            System.out.println("Database outage: service back " + recovery.toMillis() + " ms after PostgreSQL; "
                    + answers.get() + " answers under load, none a 500");
        } finally {
            running.set(false);
            load.join(30_000);
        }
        assertEquals(List.of(), List.copyOf(unacceptable), "answers other than JSON (or 503) during the outage");
    }

    @Test
    public void withRetriesThroughOutagesAReadSentDuringAShortOutageSucceedsOnceTheDatabaseIsBack()
            throws Exception {
        Path target = Path.of(System.getProperty("portcullis.target", "target"));
        try (PayaraMicroProcess patient = PayaraMicroProcess.start(Deployments.BUILT_WAR.toPath(),
                target.resolve("outage-patient-data"), "database-outage-patient",
                Map.of("portcullis.users.bcrypt-cost", "4", "portcullis.database.outage-retries", "60"), "api/user")) {
            Api patientApi = new Api(patient.base());
            Registered user = TestUsers.register(patientApi);
            database("stop");
            java.util.concurrent.CompletableFuture<Reply> waiting = java.util.concurrent.CompletableFuture.supplyAsync(
                    () -> patientApi.get("user", "Authorization", "Token " + user.token()));
            Thread.sleep(3000);
            assertTrue(!waiting.isDone(), "the request did not wait for the database: " + waiting.getNow(null));
            database("start");
            Reply reply = waiting.get(90, TimeUnit.SECONDS);
            assertEquals(200, reply.status(), "a request that waited for the database: " + reply);
        } finally {
            database("start");
        }
    }

    private static Reply awaitStatus(java.util.function.Supplier<Reply> request, int status) {
        Instant deadline = Instant.now().plus(RECOVERY_LIMIT);
        Reply reply = request.get();
        while (reply.status() != status) {
            assertTrue(Instant.now().isBefore(deadline), "still " + reply + " after " + RECOVERY_LIMIT);
            pause();
            reply = request.get();
        }
        return reply;
    }

    private static void database(String action) throws IOException, InterruptedException {
        String control = System.getProperty("portcullis.it.database-control");
        Process process = new ProcessBuilder(control, action).inheritIO().start();
        assertTrue(process.waitFor(90, TimeUnit.SECONDS) && process.exitValue() == 0, control + " " + action);
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
