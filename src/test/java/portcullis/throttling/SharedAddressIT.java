package portcullis.throttling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import portcullis.fixtures.TestUsers;
import portcullis.fixtures.TestUsers.Registered;
import portcullis.http.Api;
import portcullis.http.RawHttp;
import portcullis.http.Reply;
import portcullis.servers.SharedServer;

/**
 * One address shared by many people (an office's NAT, a balancer): failures of others there must not keep out users
 * who have logged in from it before, while an attacker cycling accounts from it is still slowed down. Default limits:
 * 20 failures per address, 5 per account. Each test is a client of its own (127.x.y.z).
 */
@Isolated // what it counts depends on how long the attack takes: nothing runs beside it
@SharedServer({"portcullis.throttling.address-failures=20", "portcullis.throttling.registrations-per-address=100"})
public class SharedAddressIT {
    private static final int ATTACK = 1_000;

    Api api;
    URL base;

    private static String randomAccountLogin() {
        return TestUsers.conduitLogin("nobody-" + UUID.randomUUID() + "@example.com", "wrong password 1");
    }

    private static Reply logIn(RawHttp office, Registered user, String password) {
        return office.post("users/login", Api.JSON, TestUsers.conduitLogin(user.email(), password));
    }

    /** Fails {@code attempts} logins for random accounts from the address; answers how many reached a password check. */
    private static int attackFrom(RawHttp office, int attempts) {
        int checked = 0;
        for (int i = 0; i < attempts; i++) {
            Reply reply = office.post("users/login", Api.JSON, randomAccountLogin());
            assertTrue(reply.status() == 401 || reply.status() == 429, reply::toString);
            checked += reply.status() == 401 ? 1 : 0;
        }
        return checked;
    }

    @Test
    public void usersKnownAtAnAddressLogInAtOnceAfterAThousandFailuresFromIt() {
        RawHttp office = new RawHttp(base, RawHttp.freshLoopbackAddress());
        List<Registered> colleagues = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Registered colleague = TestUsers.register(api);
            assertEquals(200, logIn(office, colleague, colleague.password()).status());
            colleagues.add(colleague);
        }

        long started = System.nanoTime();
        int checked = attackFrom(office, ATTACK);
        long attackMillis = (System.nanoTime() - started) / 1_000_000;
        System.out.println("SharedAddressIT: " + ATTACK + " failed logins from one address in " + attackMillis
                + " ms, " + checked + " reached a password check");

        Registered newcomer = TestUsers.register(api);
        // The address's wait restarts, doubled, with every failure that gets through: let one through, then look
        // at once, so that the answers below do not depend on how long the attack happened to take.
        awaitCountedFailure(office);
        Reply newcomerLogin = logIn(office, newcomer, newcomer.password());
        assertEquals(429, newcomerLogin.status(), "the address limit still holds for accounts new to it: "
                + newcomerLogin.status());
        for (Registered colleague : colleagues) {
            Reply login = logIn(office, colleague, colleague.password());
            assertEquals(200, login.status(), "a known user is kept out by others' failures: " + login);
        }
    }

    /** Tries random accounts from the address until one reaches a password check (the current wait has passed). */
    private static void awaitCountedFailure(RawHttp office) {
        long deadline = System.nanoTime() + 40_000_000_000L;
        while (office.post("users/login", Api.JSON, randomAccountLogin()).status() != 401) {
            assertTrue(System.nanoTime() < deadline, "the address stayed throttled for over 40 s");
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    @Test
    public void anAttackerCyclingAccountsFromOneAddressIsStillSlowedDown() {
        RawHttp attacker = new RawHttp(base, RawHttp.freshLoopbackAddress());
        int checked = attackFrom(attacker, 300);
        // 20 failures, then one attempt per doubling delay (2 s, 4 s, 8 s ...) at most.
        assertTrue(checked >= 20 && checked <= 25, checked + " of 300 attempts reached a password check");
        awaitCountedFailure(attacker);
        Reply throttled = attacker.post("users/login", Api.JSON, randomAccountLogin());
        assertEquals(429, throttled.status(), throttled::toString);
        assertTrue(Long.parseLong(throttled.headers().firstValue("Retry-After").orElseThrow()) >= 1);
    }

    @Test
    public void bruteForceOnAKnownUsersAccountIsThrottledWithoutAPasswordOracle() {
        RawHttp office = new RawHttp(base, RawHttp.freshLoopbackAddress());
        Registered victim = TestUsers.register(api);
        assertEquals(200, logIn(office, victim, victim.password()).status()); // the pair is known now
        for (int i = 0; i < 5; i++) {
            assertEquals(401, logIn(office, victim, "guess number " + i).status());
        }
        Reply right = logIn(office, victim, victim.password());
        Reply wrong = logIn(office, victim, "guess number 99");
        assertEquals(429, right.status(), "the per-account limit applies to known pairs too: " + right);
        assertEquals(wrong.status(), right.status());
        assertEquals(wrong.body(), right.body(), "right and wrong passwords must get the same answer");

        Reply fromElsewhere = logIn(new RawHttp(base, RawHttp.freshLoopbackAddress()), victim, victim.password());
        assertEquals(429, fromElsewhere.status(), "the account's own limit holds on every address: " + fromElsewhere);
    }

    @Test
    public void aUserKnownAtOneAddressIsNotExemptAtAnother() {
        RawHttp home = new RawHttp(base, RawHttp.freshLoopbackAddress());
        RawHttp cafe = new RawHttp(base, RawHttp.freshLoopbackAddress());
        Registered user = TestUsers.register(api);
        assertEquals(200, logIn(home, user, user.password()).status());
        attackFrom(cafe, 25);
        assertEquals(429, logIn(cafe, user, user.password()).status());
        assertEquals(200, logIn(home, user, user.password()).status());
    }
}
