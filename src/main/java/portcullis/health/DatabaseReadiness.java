package portcullis.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import portcullis.database.Database;

/** Ready only while the database answers: without it no login, registration or revocation can work. */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {
    private static final int TIMEOUT_SECONDS = 2;

    @Inject
    Database database;

    @Override
    public HealthCheckResponse call() {
        try (Connection connection = database.dataSource().getConnection()) {
            return HealthCheckResponse.named("database").status(connection.isValid(TIMEOUT_SECONDS)).build();
        } catch (SQLException | RuntimeException unreachable) {
            return HealthCheckResponse.named("database").down().build();
        }
    }
}
