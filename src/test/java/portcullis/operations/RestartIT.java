package portcullis.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static portcullis.fixtures.TestUsers.conduitLogin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import portcullis.fixtures.Deployments;
import portcullis.fixtures.TestDatabase;
import portcullis.fixtures.TestUsers;
import portcullis.fixtures.TestUsers.Registered;
import portcullis.http.Api;
import portcullis.http.Reply;
import portcullis.servers.OwnServers;
import portcullis.servers.PayaraMicroProcess;

/**
 * Nothing is lost by a restart: a real Payara Micro process is stopped and a new one started on the same data
 * folder. (The Arquillian container starts a fresh server per deployment and cannot do this.) Both run with a key
 * encryption secret, so the test also shows that sealed keys are stored sealed and open again after a restart.
 */
@OwnServers
public class RestartIT {
    private static final String SECRET = "restart-it-secret";

    @Test
    public void usersAndTokensSurviveARestartAndTokensOfRemovedUsersDoNot() throws Exception {
        Path data = Files.createTempDirectory(Path.of(System.getProperty("portcullis.target", "target")), "restart-it-");
        Registered kept;
        Registered removed;
        String loggedOut;
        String firstLog;
        // The first server hashes at bcrypt cost 10, the second at the default 12: a login on the second rehashes.
        try (PayaraMicroProcess first = start(data, "restart-it-first",
                Map.of("portcullis.keys.encryption-secret", SECRET, "portcullis.users.bcrypt-cost", "10"))) {
            Api api = new Api(first.base());
            kept = TestUsers.register(api);
            removed = TestUsers.register(api);
            loggedOut = api.post("users/login", conduitLogin(kept.email(), kept.password())).user().getString("token");
            assertEquals(204, api.post("auth/logout", "", "Authorization", "Token " + loggedOut).status());
            assertEquals(200, api.get("user", "Authorization", "Token " + kept.token()).status());
            firstLog = first.log();
        }
        deleteUserWhileTheServerIsDown(data, removed.id());
        assertSigningKeysAreSealed(data);

        assertEquals("v2$$2a$10$", passwordHashOf(data, kept.id()).substring(0, 10));

        try (PayaraMicroProcess second = start(data, "restart-it-second",
                Map.of("portcullis.keys.encryption-secret", SECRET))) {
            Api api = new Api(second.base());
            assertEquals(401, api.get("user", "Authorization", "Token " + loggedOut).status(), "revocation lost");

            Reply current = api.get("user", "Authorization", "Token " + kept.token());
            assertEquals(200, current.status(), current::toString);
            assertEquals(kept.email(), current.user().getString("email"));
            assertEquals(200, api.post("users/login", conduitLogin(kept.email(), kept.password())).status());
            assertEquals(200, api.post("auth/token", "", "Authorisation", kept.token()).status());

            assertEquals(401, api.post("auth/token", "", "Authorisation", removed.token()).status());
            assertEquals(401, api.get("user", "Authorization", "Token " + removed.token()).status());
            assertEquals(401, api.post("users/login", conduitLogin(removed.email(), removed.password())).status());

            for (String log : new String[] {firstLog, second.log()}) {
                assertFalse(log.contains(kept.password()), "a password reached the server log");
                assertFalse(log.contains(kept.token()), "a token reached the server log");
                assertFalse(log.contains("$2a$"), "a password hash reached the server log");
            }
        }
        assertEquals("v2$$2a$12$", passwordHashOf(data, kept.id()).substring(0, 10),
                "a login under another bcrypt cost rehashes the password");
    }

    private static PayaraMicroProcess start(Path data, String name, Map<String, String> config) throws IOException {
        return PayaraMicroProcess.start(Deployments.BUILT_WAR.toPath(), data, name, config, "api/user");
    }

    private static String passwordHashOf(Path data, long userId) throws SQLException {
        try (Connection connection = TestDatabase.open(data);
                PreparedStatement select = connection.prepareStatement(
                        "SELECT password_hash FROM accounts WHERE id = ?")) {
            select.setLong(1, userId);
            try (ResultSet hash = select.executeQuery()) {
                assertTrue(hash.next());
                return hash.getString(1);
            }
        } finally {
            TestDatabase.release(data);
        }
    }

    private static void assertSigningKeysAreSealed(Path data) throws SQLException {
        try (Connection connection = TestDatabase.open(data);
                ResultSet keys = connection.createStatement().executeQuery("SELECT private_jwk FROM signing_keys")) {
            int count = 0;
            while (keys.next()) {
                String stored = keys.getString(1);
                assertTrue(stored.startsWith("aes256gcm:v1:"), "a signing key is stored unsealed");
                assertFalse(stored.contains("\"d\""), "private key material stored in the clear");
                count++;
            }
            assertTrue(count > 0, "no signing key stored");
        } finally {
            TestDatabase.release(data);
        }
    }

    /** What an operator removing an account directly in the database does. */
    private static void deleteUserWhileTheServerIsDown(Path data, long userId) throws SQLException {
        try (Connection connection = TestDatabase.open(data)) {
            for (String table : new String[] {"account_topics", "memberships", "enabled_integrations", "sessions"}) {
                try (PreparedStatement delete = connection.prepareStatement(
                        "DELETE FROM " + table + " WHERE account_id = ?")) {
                    delete.setLong(1, userId);
                    delete.executeUpdate();
                }
            }
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM accounts WHERE id = ?")) {
                delete.setLong(1, userId);
                assertEquals(1, delete.executeUpdate());
            }
        } finally {
            TestDatabase.release(data);
        }
    }
}
