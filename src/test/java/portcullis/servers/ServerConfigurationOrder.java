package portcullis.servers;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.ClassDescriptor;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.platform.commons.support.AnnotationSupport;
import portcullis.revocation.StoredRevocationsResource;
import portcullis.sessions.StoredSessionsResource;
import portcullis.tokens.TokenMintResource;

/**
 * Runs the classes that share a server configuration one after the other (junit-platform.properties names it), so
 * that each configuration starts once: first the classes that start their own servers, then the shared ones grouped
 * by configuration; by name within each group.
 */
public class ServerConfigurationOrder implements ClassOrderer {
    /**
     * Every shared server, unless its class sets the key itself: many classes send their requests from the one
     * loopback address, so limits per address would carry over from class to class (LoginDefencesIT and
     * SharedAddressIT set them back to their defaults, on servers of their own).
     */
    private static final List<String> ALWAYS = List.of(
            "portcullis.throttling.address-failures=100000",
            "portcullis.throttling.registrations-per-address=100000");
    /** A comment line of the configuration (ignored by MicroProfile Config) naming a test-only class to add. */
    static final String TEST_CLASS = "# test class: ";
    private static final List<String> ADMINISTERED = List.of(
            "portcullis.admin.bootstrap-email=" + SharedServer.ADMIN_EMAIL,
            "portcullis.admin.bootstrap-password=" + portcullis.fixtures.TestUsers.STRONG_PASSWORD,
            "portcullis.users.admin-emails=" + SharedServer.LEGACY_ADMIN_EMAIL,
            "portcullis.users.bcrypt-cost=4",
            "portcullis.cors.allowed-origins=" + SharedServer.BROWSER_ORIGIN,
            "portcullis.tokens.audience=" + TokenMintResource.AUDIENCE,
            TEST_CLASS + TokenMintResource.class.getName());

    private static final List<String> SHORT_LIVED = List.of(
            "portcullis.tokens.lifetime=PT3S",
            "portcullis.tokens.clock-leeway=PT0S",
            "portcullis.revocation.check-interval=PT1S",
            "portcullis.audit.retention=PT4S",
            "portcullis.audit.sweep-interval=PT1S",
            "portcullis.sessions.sweep-interval=PT1S",
            TEST_CLASS + StoredRevocationsResource.class.getName(),
            TEST_CLASS + StoredSessionsResource.class.getName());

    @Override
    public void orderClasses(org.junit.jupiter.api.ClassOrdererContext context) {
        context.getClassDescriptors().sort(Comparator
                .comparing((ClassDescriptor descriptor) -> SharedServers.isShared(descriptor.getTestClass()))
                .thenComparing(descriptor -> String.join("\n", configurationOf(descriptor.getTestClass())))
                .thenComparing(descriptor -> descriptor.getTestClass().getName()));
    }

    /** The configuration a class names in its annotation (what orders it). */
    static List<String> configurationOf(Class<?> testClass) {
        return configurationOf(testClass, List.of());
    }

    /** The whole configuration of a class's server: the annotation's lines, then {@code more}. */
    static List<String> configurationOf(Class<?> testClass, List<String> more) {
        return AnnotationSupport.findAnnotation(testClass, SharedServer.class)
                .map(shared -> {
                    List<String> own = Stream.concat(Arrays.stream(shared.value()), more.stream()).toList();
                    return Stream.of(ALWAYS.stream().filter(line -> !setsKeyOf(own, line)), own.stream(),
                                    shared.administered() ? ADMINISTERED.stream() : Stream.<String>empty(),
                                    shared.shortLived() ? SHORT_LIVED.stream() : Stream.<String>empty(),
                                    Arrays.stream(shared.classes()).map(type -> TEST_CLASS + type.getName()))
                            .flatMap(lines -> lines)
                            .map(String::strip).filter(line -> !line.isEmpty()).distinct().sorted().toList();
                })
                .orElse(List.of());
    }

    /** A class may set a key every shared server sets (the limits per address, to test them): its value wins. */
    private static boolean setsKeyOf(List<String> lines, String line) {
        String key = line.substring(0, line.indexOf('=') + 1);
        return lines.stream().anyMatch(own -> own.strip().startsWith(key));
    }
}
