package portcullis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

/**
 * Gives each test class an empty database before its servers start (registered in META-INF/services): the shared
 * PostgreSQL is emptied, or the Derby folder of the Arquillian-managed servers is removed. Counts kept in the
 * database (attempts per client address) must not carry over from one class to the next.
 */
public class FreshDatabasePerClass implements TestExecutionListener {

    @Override
    public void executionStarted(TestIdentifier test) {
        if (!test.isContainer() || !test.getSource().map(ClassSource.class::isInstance).orElse(false)
                || !System.getProperty("portcullis.it.external-url", "").isBlank()) {
            return; // an external server's database is not ours to empty
        }
        try {
            if (TestDatabase.isPostgres()) {
                TestDatabase.resetPostgres();
            } else {
                deleteDerbyHome();
            }
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("Cannot empty the test database", e);
        }
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        // nothing to undo
    }

    private static void deleteDerbyHome() throws IOException {
        String target = System.getProperty("portcullis.target");
        if (target == null) {
            return;
        }
        Path home = Path.of(target, "it-data"); // derby.system.home of the Arquillian-managed servers (pom.xml)
        if (Files.exists(home)) {
            try (Stream<Path> files = Files.walk(home)) {
                files.sorted(Comparator.reverseOrder()).forEach(file -> {
                    try {
                        Files.deleteIfExists(file);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
        }
    }
}
