package portcullis;

import java.sql.SQLException;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

/**
 * With PostgreSQL, gives each test class an empty database before its servers start, as each Derby data folder is
 * (registered in META-INF/services; does nothing with Derby).
 */
public class FreshPostgresPerClass implements TestExecutionListener {

    @Override
    public void executionStarted(TestIdentifier test) {
        if (TestDatabase.isPostgres() && test.isContainer() && test.getSource().map(source ->
                source instanceof org.junit.platform.engine.support.descriptor.ClassSource).orElse(false)) {
            try {
                TestDatabase.resetPostgres();
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot empty the test database", e);
            }
        }
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        // nothing to undo
    }
}
