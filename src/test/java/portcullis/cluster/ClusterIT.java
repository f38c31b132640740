package portcullis.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import portcullis.fixtures.Jwt;
import portcullis.fixtures.TestDatabase;
import portcullis.fixtures.TestUsers;
import portcullis.fixtures.TestUsers.Registered;
import portcullis.http.Api;
import portcullis.http.RawHttp;
import portcullis.http.Reply;
import portcullis.servers.FreePort;
import portcullis.servers.PayaraMicroProcess;

/**
 * Two Payara Micro processes clustered by Payara's own Hazelcast over loopback, over one PostgreSQL, as the
 * production page's cluster script starts them. Runs when the suite runs against PostgreSQL (CI does): embedded Derby
 * belongs to one process and cannot be shared. The kill test runs last.
 */
@Tag("slow")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public class ClusterIT {
    private static final String ADMIN_EMAIL = "cluster-admin@portcullis.test";
    private static final Map<String, String> CONFIG = Map.of(
            "portcullis.admin.bootstrap-email", ADMIN_EMAIL,
            "portcullis.admin.bootstrap-password", TestUsers.STRONG_PASSWORD,
            "portcullis.users.bcrypt-cost", "4", // these tests are about sharing, not hashing
            "portcullis.keys.publish-lead", "PT4S",
            "portcullis.keys.check-interval", "PT1S");

    private static PayaraMicroProcess nodeA;
    private static PayaraMicroProcess nodeB;
    private static Api a;
    private static Api b;

    @BeforeAll
    static void startCluster() throws IOException {
        assumeTrue(TestDatabase.isPostgres(), "a cluster needs the shared PostgreSQL (PORTCULLIS_DB_HOST)");
        List<Integer> hazelcastPorts = List.of(FreePort.any(), FreePort.any());
        nodeA = PayaraMicroProcess.startClusterMember("cluster-node-a", hazelcastPorts, 0, CONFIG);
        nodeB = PayaraMicroProcess.startClusterMember("cluster-node-b", hazelcastPorts, 1, CONFIG);
        a = new Api(nodeA.base());
        b = new Api(nodeB.base());
    }

    @AfterAll
    static void stopCluster() {
        for (PayaraMicroProcess node : new PayaraMicroProcess[] {nodeA, nodeB}) {
            if (node != null) {
                node.close();
            }
        }
    }

    @Test
    @Order(1)
    public void theNodesFormOneHazelcastCluster() throws IOException {
        assertTrue(nodeB.log().contains("cluster-node-a") || nodeA.log().contains("cluster-node-b"),
                "neither node's log names the other as a cluster member");
    }

    @Test
    @Order(2)
    public void aTokenIssuedOnOneNodeWorksOnTheOther() {
        Registered user = TestUsers.register(a);
        Reply onB = b.get("user", "Authorization", "Token " + user.token());
        assertEquals(200, onB.status(), onB::toString);
        assertEquals(user.email(), onB.user().getString("email"));
        Reply loginOnB = b.post("users/login", TestUsers.conduitLogin(user.email(), user.password()));
        assertEquals(200, loginOnB.status(), "a user registered on A logs in on B: " + loginOnB);
    }

    @Test
    @Order(3)
    public void aLogoutOnOneNodeRefusesTheTokenOnTheOtherWithinASecond() {
        List<Long> propagation = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Registered user = TestUsers.register(a);
            assertEquals(200, status(b, user.token()));
            assertEquals(204, a.post("auth/logout", "", "Authorization", "Token " + user.token()).status());
            Instant loggedOut = Instant.now();
            while (status(b, user.token()) != 401) {
                assertTrue(Duration.between(loggedOut, Instant.now()).toMillis() < 1000,
                        "node B still accepts a token logged out on node A after 1 s");
                pause(20);
            }
            propagation.add(Duration.between(loggedOut, Instant.now()).toMillis());
        }
        System.out.println("Revocation propagation A -> B (ms): " + propagation);
    }

    @Test
    @Order(4)
    public void failuresSpreadOverBothNodesCountTogether() {
        Registered user = TestUsers.register(a);
        String wrong = TestUsers.conduitLogin(user.email(), "not-" + user.password());
        for (int failure = 0; failure < 5; failure++) {
            RawHttp client = new RawHttp((failure % 2 == 0 ? nodeA : nodeB).base(), RawHttp.freshLoopbackAddress());
            assertEquals(401, client.post("users/login", Api.JSON, wrong).status());
        }
        // 3 failures on A and 2 on B: alone, neither node has reached the threshold of 5.
        for (PayaraMicroProcess node : new PayaraMicroProcess[] {nodeA, nodeB}) {
            Reply throttled = new RawHttp(node.base(), RawHttp.freshLoopbackAddress())
                    .post("users/login", Api.JSON, TestUsers.conduitLogin(user.email(), user.password()));
            assertEquals(429, throttled.status(), throttled::toString);
        }
    }

    @Test
    @Order(5)
    public void aKeyRotatedByOneNodeIsPublishedAndAcceptedByBoth() {
        Registered user = TestUsers.register(b);
        String oldKid = Jwt.header(user.token()).getString("kid");
        String admin = TestUsers.registerOrLogIn(a, ADMIN_EMAIL, "cluster_admin", TestUsers.STRONG_PASSWORD).token();
        assertEquals(200, a.post("admin/keys/rotate", "", "Authorization", "Token " + admin).status());

        String newKid = awaitNewKid(a, user, oldKid);
        assertTrue(b.get(".well-known/jwks.json").body().contains(newKid), "B does not publish A's new key");
        // B switches to the new key at its next key check (portcullis.keys.check-interval, 1 s here)
        Registered later = TestUsers.register(b);
        assertEquals(newKid, awaitNewKid(b, later, oldKid), "B does not sign with the new key");
        assertEquals(200, status(b, loginToken(a, user)), "B refuses a token A signed with the new key");
        assertEquals(200, status(a, loginToken(b, later)), "A refuses a token B signed with the new key");
        assertEquals(200, status(b, user.token()), "a token of the old key is no longer accepted after the rotation");
    }

    @Test
    @Order(6)
    public void aMembershipRemovedOnOneNodeOutdatesTheTokensOnTheOtherWithinTheRevocationBound() {
        String admin = TestUsers.admin(a, ADMIN_EMAIL);
        String domain = "cluster-" + UUID.randomUUID().toString().substring(0, 8) + ".example";
        assertEquals(201, a.post("admin/organisations", "{\"organisation\":{\"domain\":\"" + domain
                + "\",\"name\":\"C\"}}", "Authorization", admin).status());
        Registered user = TestUsers.register(a);
        assertEquals(201, a.put("admin/organisations/" + domain + "/members/" + user.id(), "", "Authorization", admin)
                .status());
        String token = b.post("auth/token", "", "Authorisation", user.token()).json().getString("token");
        assertEquals(200, status(b, token));

        assertEquals(204, a.delete("admin/organisations/" + domain + "/members/" + user.id(), "Authorization", admin)
                .status());

        long millis = awaitRefusedOnB(token);
        Reply fresh = b.post("auth/token", "", "Authorisation", token);
        assertEquals(200, fresh.status(), "node B re-authenticates the outdated token: " + fresh);
        assertEquals(0, fresh.json().getJsonObject("data").getJsonArray("belongsTo").size());
        System.out.println("Outdated-claims propagation A -> B (ms): " + millis);
    }

    @Test
    @Order(7)
    public void anIntegrationDisabledOnOneNodeRevokesItsTokensOnTheOtherWithinTheRevocationBound() {
        String service = "cluster-" + UUID.randomUUID().toString().substring(0, 8);
        assertEquals(201, a.post("admin/integrations", "{\"integration\":{\"name\":\"" + service
                + "\",\"displayName\":\"C\"}}", "Authorization", TestUsers.admin(a, ADMIN_EMAIL)).status());
        Registered user = TestUsers.register(a);
        String integration = b.post("user/integrations/" + service, "", "Authorization", "Token " + user.token())
                .json().getString("token");
        assertEquals(200, status(b, integration));

        assertEquals(204, a.delete("user/integrations/" + service, "Authorization", "Token " + user.token()).status());

        long millis = awaitRefusedOnB(integration);
        assertEquals(401, b.post("auth/token", "", "Authorisation", integration).status());
        assertEquals(200, status(b, user.token()), "the user's own token is untouched");
        System.out.println("Integration revocation propagation A -> B (ms): " + millis);
    }

    @Test
    @Order(7)
    public void administratorStandingTakenAwayOnOneNodeRefusesTheEarlierTokensOnTheOtherWithinTheRevocationBound() {
        String admin = TestUsers.admin(a, ADMIN_EMAIL);
        List<Long> propagation = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            Registered user = TestUsers.register(a);
            assertEquals(204, a.put("admin/users/" + user.id() + "/administrator", "", "Authorization", admin)
                    .status());
            String token = b.post("auth/token", "", "Authorisation", user.token()).json().getString("token");
            assertEquals(200, b.get("admin/overview", "Authorization", "Token " + token).status());

            assertEquals(204, a.delete("admin/users/" + user.id() + "/administrator", "Authorization", admin)
                    .status());

            Instant taken = Instant.now();
            while (b.get("admin/overview", "Authorization", "Token " + token).status() != 401) {
                assertTrue(Duration.between(taken, Instant.now()).toMillis() < 1000,
                        "node B still lets the former administrator in after 1 s");
                pause(10);
            }
            propagation.add(Duration.between(taken, Instant.now()).toMillis());
            String renewed = b.post("auth/token", "", "Authorisation", token).json().getString("token");
            assertEquals(403, b.get("admin/overview", "Authorization", "Token " + renewed).status(),
                    "node B's renewal still grants admin");
        }
        System.out.println("Administrator standing propagation A -> B (ms): " + propagation);
    }

    /** Milliseconds until node B refuses the token; fails past the revocation bound (1 s). */
    private static long awaitRefusedOnB(String token) {
        Instant changed = Instant.now();
        while (status(b, token) != 401) {
            assertTrue(Duration.between(changed, Instant.now()).toMillis() < 1000,
                    "node B still accepts the token after 1 s");
            pause(20);
        }
        return Duration.between(changed, Instant.now()).toMillis();
    }

    @Test
    @Order(8)
    public void aKeyRetiredNowOnOneNodeIsRefusedAndUnpublishedOnBothWithinASecond() throws IOException {
        List<Long> propagation = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            Registered user = TestUsers.register(b);
            String leaked = Jwt.header(user.token()).getString("kid");
            assertEquals(200, status(b, user.token())); // cached as verified on B
            String admin = TestUsers.registerOrLogIn(a, ADMIN_EMAIL, "cluster_admin", TestUsers.STRONG_PASSWORD)
                    .token();
            Reply retired = a.post("admin/keys/" + leaked + "/retire-now", "", "Authorization", "Token " + admin);
            assertEquals(200, retired.status(), retired::toString);
            Instant retiredAt = Instant.now();
            while (status(b, user.token()) != 401) {
                assertTrue(Duration.between(retiredAt, Instant.now()).toMillis() < 1000,
                        "node B still accepts a token of a key retired on node A after 1 s");
                pause(10);
            }
            propagation.add(Duration.between(retiredAt, Instant.now()).toMillis());
            assertEquals(401, status(a, user.token()));
            assertTrue(!b.get(".well-known/jwks.json").body().contains(leaked), "B still publishes the retired key");
            Registered later = TestUsers.register(b);
            assertNotEquals(leaked, Jwt.header(later.token()).getString("kid"), "B still signs with the retired key");
            assertEquals(200, status(a, later.token()), "A refuses B's token of the new key");
        }
        assertTrue(nodeA.log().contains("\"audit\":\"key-retired-now\""), "no audit line on node A");
        System.out.println("Emergency key retirement propagation A -> B (ms): " + propagation);
    }

    @Test
    @Order(9)
    public void killingOneNodeUnderLoadLosesNothingAndTheOtherKeepsServing() throws Exception {
        Registered issuedByA = TestUsers.register(a);
        List<String> kidsBeforeKill = kids(a);
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicBoolean nodeAKilled = new AtomicBoolean(false);
        ConcurrentLinkedQueue<Registered> registered = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> revoked = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> failuresOnB = new ConcurrentLinkedQueue<>();
        AtomicInteger requestsOnBAfterKill = new AtomicInteger();
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < 4; c++) {
            PayaraMicroProcess node = c % 2 == 0 ? nodeA : nodeB;
            boolean onB = node == nodeB;
            Thread loadClient = new Thread(() -> {
                while (running.get()) {
                    try {
                        String unique = UUID.randomUUID().toString().substring(0, 12);
                        String email = "load-" + unique + "@example.com";
                        // Each from its own address: this is load, not one client over the registration limit.
                        RawHttp client = new RawHttp(node.base(), RawHttp.freshLoopbackAddress());
                        Reply reply = client.post("users", Api.JSON,
                                TestUsers.registration(email, "load_" + unique, TestUsers.STRONG_PASSWORD));
                        if (onB && nodeAKilled.get()) {
                            requestsOnBAfterKill.incrementAndGet();
                        }
                        if (reply.status() == 201) {
                            String token = reply.user().getString("token");
                            registered.add(new Registered(reply.user().getJsonNumber("id").longValue(), email,
                                    "load_" + unique, TestUsers.STRONG_PASSWORD, token));
                            if (client.post("auth/logout", Api.JSON, "", "Authorization", "Token " + token)
                                    .status() == 204) {
                                revoked.add(token);
                            }
                        } else if (onB) {
                            failuresOnB.add(reply.toString());
                        }
                    } catch (RuntimeException connectionToADied) {
                        if (onB) {
                            failuresOnB.add(connectionToADied.toString());
                        }
                    }
                }
            });
            loadClient.start();
            clients.add(loadClient);
        }
        pause(3000);
        nodeA.kill();
        nodeAKilled.set(true);
        pause(5000);
        running.set(false);
        for (Thread client : clients) {
            client.join(30_000);
        }

        assertEquals(List.of(), List.copyOf(failuresOnB), "node B failed requests while A was killed");
        assertTrue(requestsOnBAfterKill.get() > 0, "no request reached B after A was killed");
        System.out.println("Kill test: " + registered.size() + " registrations and " + revoked.size()
                + " logouts acknowledged; " + requestsOnBAfterKill.get() + " requests answered by B after kill -9 of A");
        for (Registered user : registered) {
            Reply login = b.post("users/login", TestUsers.conduitLogin(user.email(), user.password()));
            assertEquals(200, login.status(), "registration lost: " + user.email() + " " + login);
        }
        for (String token : revoked) {
            assertEquals(401, status(b, token), "a logout acknowledged before the kill was lost");
        }
        assertTrue(kids(b).containsAll(kidsBeforeKill), "a signing key was lost with node A");
        assertEquals(200, status(b, issuedByA.token()), "a token A issued before its death is refused");
    }

    private static List<String> kids(Api node) {
        return node.get(".well-known/jwks.json").json().getJsonArray("keys").stream()
                .map(key -> key.asJsonObject().getString("kid"))
                .toList();
    }

    private static String awaitNewKid(Api node, Registered user, String oldKid) {
        Instant deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline)) {
            String kid = Jwt.header(loginToken(node, user)).getString("kid");
            if (!kid.equals(oldKid)) {
                return kid;
            }
            pause(500);
        }
        throw new AssertionError("the rotation never produced a token signed by a new key");
    }

    private static String loginToken(Api node, Registered user) {
        Reply login = node.post("users/login", TestUsers.conduitLogin(user.email(), user.password()));
        assertEquals(200, login.status(), login::toString);
        String token = login.user().getString("token");
        assertNotEquals(user.token(), token);
        return token;
    }

    private static int status(Api node, String token) {
        return node.get("user", "Authorization", "Token " + token).status();
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
