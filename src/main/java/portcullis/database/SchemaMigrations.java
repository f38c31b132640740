package portcullis.database;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the schema to this version before anything reads it: the versioned scripts under {@code db/migration/},
 * applied once each, in order, never dropping anything. Several nodes starting at
 * once are safe: Flyway locks its history table while it migrates.
 */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // Flyway commits each migration itself
public class SchemaMigrations {
    private static final Logger LOG = Logger.getLogger(SchemaMigrations.class.getName());

    @Inject
    Database database;

    @Inject
    @ConfigProperty(name = "portcullis.database.startup-wait")
    Duration startupWait;

    /**
     * Waits up to {@code portcullis.database.startup-wait} for the database: a node may start before its database
     * (or, with embedded Derby, while the previous process still holds the files).
     */
    @PostConstruct
    void migrateWhenReachable() {
        Instant giveUp = Instant.now().plus(startupWait);
        while (true) {
            try {
                migrate();
                return;
            } catch (RuntimeException unreachable) {
                if (Instant.now().isAfter(giveUp)) {
                    throw unreachable;
                }
                LOG.log(Level.WARNING, "Database not ready, trying again in a second: {0}", unreachable.toString());
                pause();
            }
        }
    }

    /** This build's scripts ({@code db/migration}, one per version) for a database of the given dialect. */
    public static FluentConfiguration scripts(Dialect dialect) {
        return Flyway.configure(SchemaMigrations.class.getClassLoader())
                .locations("classpath:db/migration")
                .placeholders(dialect.placeholders())
                .javaMigrations(new V7_1__ConfiguredAdministrators())
                .table("schema_history");
    }

    private void migrate() {
        MigrateResult result = scripts(dialect()).dataSource(database.dataSource()).load().migrate();
        LOG.info(() -> "Schema at version " + (result.targetSchemaVersion == null
                ? result.initialSchemaVersion : result.targetSchemaVersion)
                + " (" + result.migrationsExecuted + " migrations applied now)");
        if (ConfigProvider.getConfig().getOptionalValues(V7_1__ConfiguredAdministrators.KEY, String.class)
                .isPresent()) {
            LOG.warning(V7_1__ConfiguredAdministrators.KEY + " no longer makes anyone an administrator: it was read"
                    + " once, at the upgrade to schema 7. Administrators grant and take away administrator standing"
                    + " (PUT and DELETE /api/admin/users/{id}/administrator); the first one comes from"
                    + " portcullis.admin.bootstrap-email.");
        }
    }

    private static void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the database", e);
        }
    }

    private Dialect dialect() {
        try (Connection connection = database.dataSource().getConnection()) {
            return Dialect.of(connection.getMetaData().getDatabaseProductName());
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot reach the database to migrate its schema", e);
        }
    }
}
