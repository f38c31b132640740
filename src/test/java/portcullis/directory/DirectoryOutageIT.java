package portcullis.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import portcullis.fixtures.TestUsers;
import portcullis.http.Api;
import portcullis.http.Reply;
import portcullis.servers.Neighbour;
import portcullis.servers.SharedServer;
import portcullis.servers.Slapd;
import portcullis.servers.TcpProxy;

/**
 * The directory (real slapd, {@code ldap://} with StartTLS, through a loopback proxy the test controls) hanging,
 * stopped and restarted: directory logins answer 503 within the timeouts, local accounts are unaffected, the node
 * stays ready, and logins work again by themselves.
 */
@Tag("database-independent")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@SharedServer(configuredBy = "configuration")
public class DirectoryOutageIT {
    private static final String LOCAL = "local-user@local.example";
    @RegisterExtension
    static final Neighbour<Slapd> DIRECTORY = Neighbour.of(() -> Slapd.start("directory-outage-it",
            "directory/people.ldif"));
    @RegisterExtension
    static final Neighbour<TcpProxy> PROXY = Neighbour.of(() -> TcpProxy.to(DIRECTORY.get().ldapPort()));

    Api api;

    static List<String> configuration() {
        List<String> lines = new ArrayList<>(List.of("portcullis.users.bcrypt-cost=4",
                "portcullis.throttling.account-failures=100000", "portcullis.throttling.address-failures=100000",
                "portcullis.directory.connect-timeout=PT1S", "portcullis.directory.read-timeout=PT2S"));
        lines.addAll(DIRECTORY.get().portcullisSettings("ldap://127.0.0.1:" + PROXY.get().port()));
        return lines;
    }

    private Reply directoryLogin() {
        return api.post("users/login", TestUsers.conduitLogin("alice", DirectoryIT.PASSWORD));
    }

    @Test
    @Order(1)
    void startTlsLoginsWork() {
        assertEquals(200, directoryLogin().status());
        TestUsers.register(api, LOCAL, "local_user", TestUsers.STRONG_PASSWORD);
    }

    @Test
    @Order(2)
    void aDirectoryThatNeverAnswersGivesA503WithinTheTimeoutAndLocalUsersCarryOn() {
        PROXY.get().mode(TcpProxy.Mode.SILENT);
        try {
            long started = System.nanoTime();
            Reply reply = directoryLogin();
            long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
            assertEquals(503, reply.status(), reply::toString);
            assertEquals("{\"errors\":{\"directory\":[\"unavailable, try again shortly\"]}}", reply.body());
            assertEquals("5", reply.headers().firstValue("Retry-After").orElse(""));
            System.out.println("A silent directory answered 503 after " + millis + " ms (read timeout 2 s)");
            assertTrue(millis < 5_000, millis + " ms");

            long localStarted = System.nanoTime();
            assertEquals(200, api.post("users/login", TestUsers.conduitLogin(LOCAL, TestUsers.STRONG_PASSWORD))
                    .status());
            System.out.println("A local login meanwhile took "
                    + Duration.ofNanos(System.nanoTime() - localStarted).toMillis() + " ms");

            Reply ready = api.get("../health/ready");
            assertEquals(200, ready.status(), "a directory outage does not take the node out of rotation: " + ready);
            assertTrue(ready.body().matches(".*\"reachable\":\"?false.*"), ready::toString);
        } finally {
            PROXY.get().mode(TcpProxy.Mode.FORWARD);
        }
        assertEquals(200, directoryLogin().status(), "back by itself");
    }

    @Test
    @Order(3)
    void slapdStoppedAndRestartedUnderLoadGivesOnly200sAnd503s() throws Exception {
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger afterRestart = new AtomicInteger();
        AtomicBoolean restarted = new AtomicBoolean(false);
        ExecutorService clients = Executors.newFixedThreadPool(4);
        for (int i = 0; i < 4; i++) {
            clients.submit(() -> {
                while (running.get()) {
                    int status = directoryLogin().status();
                    statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
                    if (restarted.get() && status == 200) {
                        afterRestart.incrementAndGet();
                    }
                }
            });
        }
        Thread.sleep(2_000);
        DIRECTORY.get().stop();
        PROXY.get().mode(TcpProxy.Mode.FORWARD); // cut the pooled connections, as a stopping server does
        Thread.sleep(3_000);
        DIRECTORY.get().startProcess();
        restarted.set(true);
        Thread.sleep(4_000);
        running.set(false);
        clients.shutdown();
        assertTrue(clients.awaitTermination(30, TimeUnit.SECONDS));

        Map<Integer, Integer> seen = new TreeMap<>();
        statuses.forEach((status, count) -> seen.put(status, count.get()));
        System.out.println("Directory stopped and restarted under load: " + seen);
        assertEquals(java.util.Set.of(200, 503), seen.keySet(), seen::toString);
        assertTrue(afterRestart.get() > 0, "logins work again after the restart: " + seen);
    }
}
