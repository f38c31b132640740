package portcullis.database;

import java.time.Duration;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.persistence.config.SessionCustomizer;
import org.eclipse.persistence.sessions.DatabaseLogin;
import org.eclipse.persistence.sessions.Session;

/**
 * How long a read waits through a database outage before its 503 (EclipseLink, Payara). EclipseLink retries a read
 * that failed for want of the database three times, five seconds apart, by default: requests hung ten seconds. Here
 * {@code portcullis.database.outage-retries} (default 0: answer at once, so that clients and balancers learn of the
 * outage and try again, as {@code Retry-After} says) and {@code portcullis.database.outage-retry-delay} (default
 * {@code PT1S}) decide, so an operator who prefers to ride out short outages can say how long.
 */
public class QuickOutageAnswers implements SessionCustomizer {

    @Override
    public void customize(Session session) {
        Config config = ConfigProvider.getConfig(QuickOutageAnswers.class.getClassLoader());
        int retries = config.getOptionalValue("portcullis.database.outage-retries", Integer.class).orElse(0);
        Duration delay = config.getOptionalValue("portcullis.database.outage-retry-delay", String.class)
                .map(Duration::parse).orElse(Duration.ofSeconds(1));
        DatabaseLogin login = (DatabaseLogin) session.getDatasourceLogin();
        login.setQueryRetryAttemptCount(retries);
        login.setDelayBetweenConnectionAttempts((int) Math.min(Integer.MAX_VALUE, delay.toMillis()));
    }
}
