package portcullis.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import portcullis.fixtures.TestUsers;
import portcullis.fixtures.TestUsers.Registered;
import portcullis.http.Api;
import portcullis.servers.SharedServer;

/**
 * What is kept for a while only: stored security events past {@code portcullis.audit.retention} and the records of
 * expired tokens are deleted by their sweeps. Short times here (events kept 4 s, tokens live 3 s, sweeps every
 * second), so that the sweeps are seen at work.
 */
@SharedServer(administered = true, shortLived = true)
public class RetentionIT {
    private static final String ADMIN_EMAIL = SharedServer.ADMIN_EMAIL;

    Api api;

    private List<JsonObject> eventsOf(long user) {
        return api.get("admin/events?user=" + user, "Authorization", TestUsers.admin(api, ADMIN_EMAIL)).json()
                .getJsonArray("events").getValuesAs(JsonObject.class);
    }

    @Test
    public void storedEventsOlderThanTheRetentionAreDeletedAndNewerOnesKept() {
        Registered user = TestUsers.register(api);
        assertEquals(List.of("registration"), eventsOf(user.id()).stream().map(e -> e.getString("kind")).toList());

        awaitTrue(() -> eventsOf(user.id()).isEmpty(), Duration.ofSeconds(15), "the registration event was kept");

        api.post("users/login", TestUsers.conduitLogin(user.email(), user.password()));
        assertEquals(List.of("login"), eventsOf(user.id()).stream().map(e -> e.getString("kind")).toList());
    }

    @Test
    public void theRecordsOfExpiredTokensAreDeleted() {
        Registered user = TestUsers.register(api);
        api.post("users/login", TestUsers.conduitLogin(user.email(), user.password()));
        assertEquals("2", api.get("test/stored-sessions/" + user.id()).body());

        awaitTrue(() -> api.get("test/stored-sessions/" + user.id()).body().equals("0"), Duration.ofSeconds(15),
                "the records of expired tokens were kept");
    }

    private static void awaitTrue(BooleanSupplier condition, Duration within, String failure) {
        Instant deadline = Instant.now().plus(within);
        while (!condition.getAsBoolean()) {
            assertTrue(Instant.now().isBefore(deadline), failure);
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
