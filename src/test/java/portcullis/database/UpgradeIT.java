package portcullis.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.mindrot.jbcrypt.BCrypt;
import portcullis.fixtures.Deployments;
import portcullis.fixtures.Jwt;
import portcullis.fixtures.TestDatabase;
import portcullis.fixtures.TestUsers;
import portcullis.http.Api;
import portcullis.http.Reply;
import portcullis.servers.OwnServers;
import portcullis.servers.PayaraMicroProcess;

/**
 * Upgrading keeps the data: a database at schema version 1 (as the first release left it), with a user, their
 * organisation and integration, and a revoked token in it, is opened by this build, which migrates it to the current
 * version. The user was an administrator by {@code portcullis.users.admin-emails} and stays one (schema 7.1); an
 * email that key names but that no account had at the upgrade makes nobody an administrator.
 */
@OwnServers
public class UpgradeIT {
    private static final String EMAIL = "upgraded@example.com";
    private static final String PASSWORD = TestUsers.STRONG_PASSWORD;
    private static final String LISTED_LATER = "listed-later@example.com";

    @Test
    public void aVersionOneDatabaseIsMigratedWithItsUsersAndRevocations() throws Exception {
        Path data = Files.createTempDirectory(Path.of(System.getProperty("portcullis.target", "target")), "upgrade-");
        SchemaMigrations.scripts(TestDatabase.isPostgres() ? Dialect.POSTGRESQL : Dialect.DERBY)
                .dataSource(TestDatabase.url(data), TestDatabase.user(), TestDatabase.password())
                .target("1")
                .load()
                .migrate();
        try (Connection connection = TestDatabase.open(data)) {
            insertVersionOneRows(connection);
        } finally {
            TestDatabase.release(data);
        }

        try (PayaraMicroProcess server = PayaraMicroProcess.start(Deployments.BUILT_WAR.toPath(), data, "upgrade-it",
                Map.of("portcullis.users.admin-emails", EMAIL + "," + LISTED_LATER), "api/user")) {
            Api api = new Api(server.base());
            Reply login = api.post("users/login", TestUsers.conduitLogin(EMAIL, PASSWORD));
            assertEquals(200, login.status(), "the user of the old schema cannot log in: " + login);
            String admin = "Token " + login.user().getString("token");
            assertTrue(Jwt.claims(login.user().getString("token")).getJsonArray("groups").toString()
                    .contains("\"admin\""), "the administrator of the old schema lost their standing");
            assertEquals(200, api.get("admin/users", "Authorization", admin).status());
            Reply later = api.post("users", TestUsers.registration(LISTED_LATER, "listed_later", PASSWORD));
            assertEquals("[\"user\"]", Jwt.claims(later.user().getString("token")).getJsonArray("groups")
                    .toString(), "an email named in the old key made an administrator after the upgrade");
            long id = login.user().getJsonNumber("id").longValue();
            Reply last = api.delete("admin/users/" + id + "/administrator", "Authorization", admin);
            assertEquals(409, last.status(), "the last administrator lost their standing: " + last);
            JsonObject edumaps = new Api(server.base()).post("auth/login", TestUsers.edumapsLogin(EMAIL, PASSWORD))
                    .json().getJsonObject("data");
            assertEquals("[\"example.org\"]", edumaps.getJsonArray("belongsTo").toString(), "memberships were lost");
            assertEquals("[\"calendar\"]", edumaps.getJsonArray("integrations").toString(), "integrations were lost");
            int latest = latestSchemaVersion();
            assertTrue(server.log().contains("Schema at version " + latest), "no migration to version " + latest
                    + " in the log");
        }
        try (Connection connection = TestDatabase.open(data);
                ResultSet revoked = connection.createStatement().executeQuery(
                        "SELECT recorded_at FROM revoked_tokens WHERE jti = 'old-revoked-jti'")) {
            assertTrue(revoked.next(), "a revocation of the old schema was lost");
            assertTrue(revoked.getTimestamp(1) != null);
        } finally {
            TestDatabase.release(data);
        }
    }

    private static void insertVersionOneRows(Connection connection) throws Exception {
        Timestamp now = Timestamp.from(Instant.now().truncatedTo(ChronoUnit.MILLIS));
        try (PreparedStatement user = connection.prepareStatement("INSERT INTO accounts (email, username,"
                + " username_key, password_hash, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)")) {
            user.setString(1, EMAIL);
            user.setString(2, "upgraded");
            user.setString(3, "upgraded");
            user.setString(4, BCrypt.hashpw(PASSWORD, BCrypt.gensalt(4))); // scheme v1: plain bcrypt
            user.setTimestamp(5, now);
            user.setTimestamp(6, now);
            assertEquals(1, user.executeUpdate());
        }
        try (PreparedStatement revoked = connection.prepareStatement(
                "INSERT INTO revoked_tokens (jti, subject, expires_at) VALUES ('old-revoked-jti', '1', ?)")) {
            revoked.setTimestamp(1, Timestamp.from(Instant.now().plus(30, ChronoUnit.DAYS)));
            assertEquals(1, revoked.executeUpdate());
        }
        // Version 1 kept organisation domains and integration names as plain strings per account.
        for (String insert : List.of(
                "INSERT INTO account_organisations (account_id, domain) SELECT id, 'Example.ORG' FROM accounts",
                "INSERT INTO account_integrations (account_id, service) SELECT id, 'calendar' FROM accounts")) {
            assertEquals(1, connection.createStatement().executeUpdate(insert));
        }
    }

    /** The highest {@code V<n>__} among the shipped migration scripts: the version this build migrates to. */
    private static int latestSchemaVersion() throws IOException {
        try (Stream<Path> scripts = Files.list(Path.of("src/main/resources/db/migration"))) {
            return scripts.map(script -> script.getFileName().toString())
                    .filter(name -> name.matches("V\\d+__.*\\.sql"))
                    .mapToInt(name -> Integer.parseInt(name.substring(1, name.indexOf("__"))))
                    .max()
                    .orElseThrow();
        }
    }
}
