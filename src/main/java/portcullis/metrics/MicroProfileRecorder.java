package portcullis.metrics;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Measurements into the application's MicroProfile Metrics registry. Looked up by {@link Metrics} only once the API
 * is known to be there: WildFly 39 has no MicroProfile Metrics (its CDI skips this class, which it cannot load), and
 * the WAR must deploy there as is. A bean with an injection point, because Payara's registry producer needs one.
 */
@Dependent
public class MicroProfileRecorder implements Recorder {

    @Inject
    MetricRegistry registry;

    @Override
    public void count(String name, String description, String... tags) {
        registry.counter(metadata(name, description), tags(tags)).inc();
    }

    @Override
    public void time(String name, String description, long nanos, String... tags) {
        registry.timer(metadata(name, description), tags(tags)).update(Duration.ofNanos(nanos));
    }

    private static Metadata metadata(String name, String description) {
        return Metadata.builder().withName(name).withDescription(description).build();
    }

    private static Tag[] tags(String... namesAndValues) {
        Tag[] tags = new Tag[namesAndValues.length / 2];
        for (int i = 0; i < tags.length; i++) {
            tags[i] = new Tag(namesAndValues[2 * i], namesAndValues[2 * i + 1]);
        }
        return tags;
    }
}
