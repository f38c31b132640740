package portcullis;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The WAR under test is the one the build produced: tests check what ships. */
public final class Deployments {
    public static final File BUILT_WAR = new File("target/portcullis.war");

    private Deployments() {
    }

    public static WebArchive builtWar() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, BUILT_WAR);
    }

    /**
     * The built WAR with some of its MicroProfile Config defaults overridden, for behaviour that depends on
     * configuration. The overrides are appended: in a properties file the last value of a key wins.
     */
    public static WebArchive builtWarConfiguredWith(String overrides) {
        WebArchive war = builtWar();
        String config = "WEB-INF/classes/META-INF/microprofile-config.properties";
        String defaults;
        try (InputStream in = war.get(config).getAsset().openStream()) {
            defaults = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        war.delete(config);
        return war.add(new StringAsset(defaults + "\n" + overrides), config);
    }

    /**
     * The built WAR with {@code adminEmail} as an administrator, the cheapest bcrypt cost and no registration limit
     * worth the name: for tests about what accounts do, not about hashing or throttling.
     */
    public static WebArchive builtWarAdministeredBy(String adminEmail) {
        return builtWarConfiguredWith("""
                portcullis.admin.bootstrap-email=%s
                portcullis.admin.bootstrap-password=Quokka-Turbine-Lantern-47
                portcullis.users.bcrypt-cost=4
                portcullis.throttling.registrations-per-address=10000
                """.formatted(adminEmail));
    }

    /**
     * For tests that run inside the server (Arquillian in-container mode): the built WAR with the test's classes and
     * the movable clock ({@code TestTimeSource}), configured with {@code overrides}.
     */
    public static WebArchive builtWarWithTestInside(String overrides, Class<?>... testClasses) {
        return builtWarConfiguredWith(overrides)
                .addClasses(portcullis.time.TestTimeSource.class, portcullis.time.MovableClock.class)
                .addClasses(testClasses);
    }
}
