package portcullis.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import portcullis.Deployments;

/**
 * The migrations as the running server applied them, inside it: every script of this build applied, in order, none
 * pending or failed, and their checksums still match the history (a script edited after release would fail here).
 */
@ExtendWith(ArquillianExtension.class)
public class SchemaMigrationsIT {

    @Deployment
    public static WebArchive war() {
        return Deployments.builtWarWithTestInside("", SchemaMigrationsIT.class);
    }

    @Inject
    Database database;

    private Flyway flyway() throws SQLException {
        try (Connection connection = database.dataSource().getConnection()) {
            Dialect dialect = Dialect.of(connection.getMetaData().getDatabaseProductName());
            return SchemaMigrations.scripts(dialect).dataSource(database.dataSource()).load();
        }
    }

    @Test
    public void everyScriptOfThisBuildIsAppliedInOrderAndUnchanged() throws SQLException {
        Flyway flyway = flyway();
        MigrationInfo[] all = flyway.info().all();
        assertTrue(all.length >= 6, "V1 to V6 at least: " + all.length);
        assertEquals(all[all.length - 1].getVersion(), flyway.info().current().getVersion(), "the newest is current");
        assertTrue(Arrays.stream(all).allMatch(info -> info.getState() == MigrationState.SUCCESS),
                () -> Arrays.stream(all).map(info -> info.getVersion() + " " + info.getState()).toList().toString());
        assertEquals(0, flyway.info().pending().length);
        assertTrue(flyway.validateWithResult().validationSuccessful, () -> flyway.validateWithResult().errorDetails
                == null ? "" : flyway.validateWithResult().errorDetails.errorMessage);
    }

    @Test
    public void migratingAgainIsANoOp() throws SQLException {
        assertEquals(0, flyway().migrate().migrationsExecuted);
    }
}
