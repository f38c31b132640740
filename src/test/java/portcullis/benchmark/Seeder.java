package portcullis.benchmark;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.mindrot.jbcrypt.BCrypt;

/**
 * Fills the Derby database of a stopped server with users and revoked tokens by batched JDBC inserts: a million
 * users must not cost a million bcrypt calls, so they all share one precomputed hash (nobody logs in as them).
 */
final class Seeder {
    private static final int BATCH = 5_000;

    private Seeder() {
    }

    static void seed(Path data, int firstIndex, int users, int revokedTokens) throws SQLException {
        String database = "jdbc:derby:" + data.resolve("portcullis").toAbsolutePath();
        String hash = "v2$" + BCrypt.hashpw("seeded, never used", BCrypt.gensalt(4));
        Timestamp now = Timestamp.from(Instant.now());
        Timestamp expiry = Timestamp.from(Instant.now().plus(60, ChronoUnit.DAYS));
        try (Connection connection = DriverManager.getConnection(database)) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO accounts (email, username,"
                    + " username_key, password_hash, created_at, updated_at, disabled, version)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, 1)")) {
                for (int i = firstIndex; i < firstIndex + users; i++) {
                    insert.setString(1, "seeded-" + i + "@bench.example");
                    insert.setString(2, "seeded_" + i);
                    insert.setString(3, "seeded_" + i);
                    insert.setString(4, hash);
                    insert.setTimestamp(5, now);
                    insert.setTimestamp(6, now);
                    insert.setBoolean(7, false);
                    insert.addBatch();
                    if ((i + 1) % BATCH == 0) {
                        insert.executeBatch();
                        connection.commit();
                    }
                }
                insert.executeBatch();
                connection.commit();
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO revoked_tokens (jti, subject, expires_at) VALUES (?, ?, ?)")) {
                for (int i = 0; i < revokedTokens; i++) {
                    insert.setString(1, UUID.randomUUID().toString());
                    insert.setString(2, String.valueOf(i % 1_000_000));
                    insert.setTimestamp(3, expiry);
                    insert.addBatch();
                    if ((i + 1) % BATCH == 0) {
                        insert.executeBatch();
                        connection.commit();
                    }
                }
                insert.executeBatch();
                connection.commit();
            }
        } finally {
            try {
                DriverManager.getConnection(database + ";shutdown=true");
            } catch (SQLException cleanShutdown) {
                // Derby reports a clean shutdown as SQLState 08006
                if (!"08006".equals(cleanShutdown.getSQLState())) {
                    throw cleanShutdown;
                }
            }
        }
    }
}
