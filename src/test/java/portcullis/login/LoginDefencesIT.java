package portcullis.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static portcullis.fixtures.TestUsers.conduitLogin;
import static portcullis.fixtures.TestUsers.edumapsLogin;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import portcullis.fixtures.TestUsers;
import portcullis.fixtures.TestUsers.Registered;
import portcullis.http.Api;
import portcullis.http.RawHttp;
import portcullis.http.Reply;
import portcullis.servers.SharedServer;

/**
 * No user enumeration and throttling, on the default configuration but for shorter delays (1 s doubling up to 4 s
 * instead of 2 s up to 15 min) and 3 re-authentications an hour instead of 300. Every test is a client of its own,
 * from a loopback address no other test uses.
 */
@Tag("database-independent")
@Tag("slow")
@Isolated // it compares the timings of refusals: nothing runs beside it
@SharedServer({"portcullis.throttling.first-delay=PT1S", "portcullis.throttling.max-delay=PT4S",
        "portcullis.throttling.reauthentications-per-user=3", "portcullis.throttling.address-failures=20",
        "portcullis.throttling.registrations-per-address=100"})
public class LoginDefencesIT {
    private static final String CONDUIT = "users/login";
    private static final String EDUMAPS = "auth/login";

    URL base;

    RawHttp client;

    @BeforeEach
    public void aClientOfItsOwn() {
        client = new RawHttp(base, RawHttp.freshLoopbackAddress());
    }

    private Registered register() {
        return TestUsers.register(new Api(base));
    }

    private Reply conduit(String email, String password) {
        return client.post(CONDUIT, Api.JSON, conduitLogin(email, password));
    }

    private Reply edumaps(String email, String password) {
        return client.post(EDUMAPS, Api.JSON, edumapsLogin(email, password));
    }

    private static void assertThrottled(Reply reply) {
        assertEquals(429, reply.status(), reply::toString);
        assertEquals("too many attempts, try again later",
                reply.json().getJsonObject("errors").getJsonArray("request").getString(0));
        assertTrue(Integer.parseInt(reply.headers().firstValue("Retry-After").orElseThrow()) >= 1);
    }

    @Test
    public void afterFiveFailuresEvenTheRightPasswordWaitsInBothDialects() {
        Registered user = register();
        for (int i = 0; i < 5; i++) {
            assertEquals(401, conduit(user.email(), "wrong " + i).status());
        }

        assertThrottled(conduit(user.email(), user.password()));
        assertThrottled(edumaps(user.email(), user.password()));
    }

    @Test
    public void unknownEmailsAreThrottledExactlyLikeKnownOnes() {
        Registered user = register();
        String unknown = "nobody-" + UUID.randomUUID() + "@example.com";
        for (int i = 0; i < 5; i++) {
            assertEquals(401, conduit(user.email(), "wrong " + i).status());
            assertEquals(401, edumaps(unknown, "wrong " + i).status());
        }

        Reply known = conduit(user.email(), "wrong");
        Reply unknownReply = conduit(unknown, "wrong");
        assertThrottled(known);
        assertThrottled(unknownReply);
        assertEquals(known.body(), unknownReply.body());
    }

    @Test
    public void theDelayGrowsWithEachFailureIsCappedAndNeverLocksOutForGood() throws InterruptedException {
        Registered user = register();
        for (int i = 0; i < 5; i++) {
            conduit(user.email(), "wrong " + i);
        }
        List<Integer> waits = new ArrayList<>();
        for (int round = 0; round < 4; round++) {
            Reply throttled = conduit(user.email(), "wrong again");
            assertThrottled(throttled);
            int wait = Integer.parseInt(throttled.headers().firstValue("Retry-After").orElseThrow());
            waits.add(wait);
            Thread.sleep(wait * 1000L + 200);
            assertEquals(401, conduit(user.email(), "wrong again").status(), "after waiting, an attempt is allowed");
        }

        assertEquals(List.of(1, 2, 4, 4), waits, "1 s doubling, capped at 4 s");
        Thread.sleep(4200);
        assertEquals(200, conduit(user.email(), user.password()).status(), "the right password works after the wait");
    }

    @Test
    public void aSuccessResetsTheAccountsCount() {
        Registered user = register();
        for (int i = 0; i < 4; i++) {
            assertEquals(401, conduit(user.email(), "wrong " + i).status());
        }
        assertEquals(200, conduit(user.email(), user.password()).status());

        for (int i = 0; i < 4; i++) {
            assertEquals(401, conduit(user.email(), "wrong " + i).status());
        }
        assertEquals(200, edumaps(user.email(), user.password()).status());
    }

    @Test
    public void oneAddressFailingOnManyAccountsIsThrottled() {
        for (int i = 0; i < 20; i++) {
            assertEquals(401, conduit("sprayed-" + i + "-" + UUID.randomUUID() + "@example.com", "Summer2024!").status());
        }

        assertThrottled(conduit("another-" + UUID.randomUUID() + "@example.com", "Summer2024!"));
        Registered bystander = register();
        assertEquals(200, new RawHttp(base, RawHttp.freshLoopbackAddress())
                .post(CONDUIT, Api.JSON, conduitLogin(bystander.email(), bystander.password())).status(),
                "another address is not affected");
    }

    @Test
    public void registrationsArePerAddressLimited() {
        // The limit is 100 an hour; the 101st registration from one address waits.
        for (int i = 0; i < 100; i++) {
            String id = UUID.randomUUID().toString().substring(0, 12);
            Reply reply = client.post("users", Api.JSON, TestUsers.registration("bulk-" + id + "@example.com",
                    "bulk_" + id, "not-blank"));
            assertEquals(422, reply.status(), reply::toString); // refused for the weak password: no bcrypt spent
        }

        assertThrottled(client.post("users", Api.JSON, TestUsers.registration("one-more@example.com", "one_more",
                TestUsers.STRONG_PASSWORD)));
    }

    @Test
    public void reauthenticationsArePerUserLimitedFromEveryAddress() {
        Registered user = register();
        for (int i = 0; i < 3; i++) {
            assertEquals(200, client.post("auth/token", Api.JSON, "", "Authorisation", user.token()).status());
        }

        assertThrottled(client.post("auth/token", Api.JSON, "", "Authorisation", user.token()));
        assertThrottled(new RawHttp(base, RawHttp.freshLoopbackAddress())
                .post("auth/token", Api.JSON, "", "Authorisation", user.token()));
    }

    @Test
    public void colleaguesOnTheSameAddressDoNotUseUpEachOthersReauthentications() {
        Registered busy = register();
        Registered colleague = register();
        for (int i = 0; i < 4; i++) {
            client.post("auth/token", Api.JSON, "", "Authorisation", busy.token());
        }
        assertEquals(200, client.post("auth/token", Api.JSON, "", "Authorisation", colleague.token()).status(),
                "one user's re-authentications kept a colleague on the same address out");
    }

    @Test
    public void unknownEmailAndWrongPasswordTakeTheSameTime() throws IOException {
        // Each sample from an address of its own, so that no throttle interferes; interleaved, so that load on
        // this shared machine hits both alike.
        List<Registered> users = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            users.add(register());
        }
        int samples = 20;
        long[] wrongPassword = new long[samples];
        long[] unknownEmail = new long[samples];
        for (int i = 0; i < samples + 2; i++) {
            Registered user = users.get(i % users.size());
            RawHttp fresh = new RawHttp(base, RawHttp.freshLoopbackAddress());
            long start = System.nanoTime();
            Reply wrong = fresh.post(CONDUIT, Api.JSON, conduitLogin(user.email(), "wrong " + i));
            long wrongTime = System.nanoTime() - start;
            start = System.nanoTime();
            Reply unknown = fresh.post(CONDUIT, Api.JSON, conduitLogin("nobody-" + i + UUID.randomUUID() + "@example.com",
                    "wrong " + i));
            long unknownTime = System.nanoTime() - start;
            assertEquals(401, wrong.status());
            assertEquals(wrong.body(), unknown.body());
            if (i >= 2) { // the first two warm up
                wrongPassword[i - 2] = wrongTime;
                unknownEmail[i - 2] = unknownTime;
            }
        }

        double wrongMedian = median(wrongPassword) / 1e6;
        double unknownMedian = median(unknownEmail) / 1e6;
        String figures = String.format("wrong password median %.1f ms, unknown email median %.1f ms, ratio %.3f (n=%d)%n",
                wrongMedian, unknownMedian, unknownMedian / wrongMedian, samples);
        Files.writeString(Path.of(System.getProperty("portcullis.target", "target"), "enumeration-timing.txt"), figures);
        // Within 20 %: a real difference (a skipped bcrypt check) is a factor of 10 or more.
        assertTrue(Math.abs(unknownMedian - wrongMedian) / wrongMedian < 0.20, figures);
    }

    private static double median(long[] values) {
        long[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        return (sorted[sorted.length / 2] + sorted[(sorted.length - 1) / 2]) / 2.0;
    }
}
