package portcullis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static portcullis.TestUsers.conduitLogin;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import portcullis.TestUsers.Registered;

/**
 * Nothing is lost by a restart: a real Payara Micro process is stopped and a new one started on the same Derby data
 * folder. (The Arquillian container starts a fresh server per deployment and cannot do this.)
 */
public class RestartIT {

    @Test
    public void usersAndTokensSurviveARestartAndTokensOfRemovedUsersDoNot() throws Exception {
        Path data = Files.createTempDirectory(Path.of(System.getProperty("portcullis.target", "target")), "restart-it-");
        Registered kept;
        Registered removed;
        String firstLog;
        try (PayaraMicroProcess first = PayaraMicroProcess.start(data, "restart-it-first")) {
            Api api = new Api(first.base());
            kept = TestUsers.register(api);
            removed = TestUsers.register(api);
            assertEquals(200, api.get("user", "Authorization", "Token " + kept.token()).status());
            firstLog = first.log();
        }
        deleteUserWhileTheServerIsDown(data, removed.id());

        try (PayaraMicroProcess second = PayaraMicroProcess.start(data, "restart-it-second")) {
            Api api = new Api(second.base());

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
    }

    /** What an operator removing an account directly in the database does. */
    private static void deleteUserWhileTheServerIsDown(Path data, long userId) throws SQLException {
        String database = "jdbc:derby:" + data.resolve("portcullis").toAbsolutePath();
        try (Connection connection = DriverManager.getConnection(database)) {
            for (String table : new String[] {"account_topics", "account_organisations", "account_integrations"}) {
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
        }
        try {
            DriverManager.getConnection(database + ";shutdown=true");
        } catch (SQLException expected) {
            // Derby reports a clean shutdown (SQLState 08006) as an exception; it releases the database for Payara.
            assertEquals("08006", expected.getSQLState(), expected::getMessage);
        }
    }
}
