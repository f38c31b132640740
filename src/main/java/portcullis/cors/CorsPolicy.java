package portcullis.cors;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Which origins may call the API from a browser, from {@code portcullis.cors.*}; off when the list is empty. */
@ApplicationScoped
public class CorsPolicy {

    @Inject
    Config config;

    @Inject
    @ConfigProperty(name = "portcullis.cors.max-age")
    Duration maxAge;

    private AllowedOrigins origins;

    @PostConstruct
    void parse() {
        // A list-valued key; read through the Config API, as Payara cannot inject Optional<List<String>>.
        origins = AllowedOrigins.of(config.getOptionalValues("portcullis.cors.allowed-origins", String.class)
                .orElse(List.of()));
    }

    /** A wrong origin in the configuration fails the deployment, not the first browser request. */
    void validateAtStartup(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // Observing makes the container create this bean now, and parse() throws for a wrong origin.
    }

    boolean isOn() {
        return !origins.isEmpty();
    }

    boolean allows(String origin) {
        return origins.allows(origin);
    }

    long maxAgeSeconds() {
        return maxAge.toSeconds();
    }
}
