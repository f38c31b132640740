package portcullis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The database the servers under test use, for tests that look at or change it directly as an operator would:
 * the embedded Derby in a server's data folder, or the PostgreSQL named by the {@code PORTCULLIS_DB_*} environment
 * (the same variables the server reads).
 */
public final class TestDatabase {

    private TestDatabase() {
    }

    public static boolean isPostgres() {
        return System.getenv("PORTCULLIS_DB_HOST") != null;
    }

    /** A connection to the database of the server whose data folder is {@code data} (ignored for PostgreSQL). */
    public static Connection open(Path data) throws SQLException {
        return DriverManager.getConnection(url(data), user(), password());
    }

    /** The JDBC URL of that database; Derby's is created on first use. */
    public static String url(Path data) {
        if (isPostgres()) {
            return "jdbc:postgresql://" + env("PORTCULLIS_DB_HOST", null) + ":" + env("PORTCULLIS_DB_PORT", "5432")
                    + "/" + env("PORTCULLIS_DB_NAME", "portcullis");
        }
        return derby(data) + ";create=true";
    }

    public static String user() {
        return isPostgres() ? env("PORTCULLIS_DB_USER", "portcullis") : null;
    }

    public static String password() {
        return isPostgres() ? env("PORTCULLIS_DB_PASSWORD", "") : null;
    }


    /** Lets the server have the database again: embedded Derby allows one process at a time. */
    public static void release(Path data) throws SQLException {
        if (isPostgres()) {
            return;
        }
        try {
            DriverManager.getConnection(derby(data) + ";shutdown=true");
        } catch (SQLException expected) {
            // Derby reports a clean shutdown (SQLState 08006) as an exception.
            assertEquals("08006", expected.getSQLState(), expected::getMessage);
        }
    }

    /** Empties the shared PostgreSQL database: every test class starts its servers on a fresh one, as with Derby. */
    public static void resetPostgres() throws SQLException {
        try (Connection connection = open(null); Statement statement = connection.createStatement()) {
            // Servers of the previous class may still be going down; their sessions must not hold locks.
            statement.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                    + " WHERE datname = current_database() AND pid <> pg_backend_pid()");
            statement.execute("DROP SCHEMA public CASCADE");
            statement.execute("CREATE SCHEMA public");
        }
    }

    private static String derby(Path data) {
        return "jdbc:derby:" + data.resolve("portcullis").toAbsolutePath();
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isEmpty() ? fallback : value;
    }
}
