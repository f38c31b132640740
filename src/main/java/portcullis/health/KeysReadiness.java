package portcullis.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import portcullis.keys.KeyRing;

/** Ready only with an active signing key loaded: without one no token can be issued. */
@Readiness
@ApplicationScoped
public class KeysReadiness implements HealthCheck {

    @Inject
    KeyRing keyRing;

    @Override
    public HealthCheckResponse call() {
        try {
            return HealthCheckResponse.named("signing-keys")
                    .up()
                    .withData("published", keyRing.published().size())
                    .build();
        } catch (RuntimeException notLoaded) {
            return HealthCheckResponse.named("signing-keys").down().build();
        }
    }
}
