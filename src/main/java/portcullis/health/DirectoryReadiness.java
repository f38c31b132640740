package portcullis.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import portcullis.directory.DirectoryProbe;

/**
 * The directory, when one is configured: reported with {@code reachable} in the data, but DOWN only when
 * {@code portcullis.directory.readiness-required} is true. By default a directory outage does not take the node out
 * of rotation: local accounts and every token check keep working.
 */
@Readiness
@ApplicationScoped
public class DirectoryReadiness implements HealthCheck {

    @Inject
    DirectoryProbe probe;

    @Override
    public HealthCheckResponse call() {
        if (!probe.isConfigured()) {
            return HealthCheckResponse.named("directory").up().withData("configured", false).build();
        }
        boolean reachable = probe.reachable();
        return HealthCheckResponse.named("directory")
                .status(reachable || !probe.required())
                .withData("reachable", reachable)
                .build();
    }
}
