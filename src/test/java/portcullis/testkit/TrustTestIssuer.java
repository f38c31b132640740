package portcullis.testkit;

import com.nimbusds.jose.JWSObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.jboss.arquillian.container.spi.client.deployment.DeploymentDescription;
import org.jboss.arquillian.container.spi.event.container.BeforeDeploy;
import org.jboss.arquillian.core.api.Instance;
import org.jboss.arquillian.core.api.annotation.Inject;
import org.jboss.arquillian.core.api.annotation.Observes;
import org.jboss.arquillian.test.spi.TestClass;
import org.jboss.shrinkwrap.api.Archive;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * Puts the shared test issuer's MicroProfile JWT configuration into the deployment of a {@link TrustsTestIssuer} test
 * class: its {@code mp.jwt.verify.*} lines replace the application's own lines for the same keys in
 * {@code microprofile-config.properties} (appending them instead would make WildFly warn of duplicate values,
 * SRCFG01007), and every other line stays. A deployment that
 * runs the tests inside the server also gets the kit, the JOSE library and a copy of the issuer's keys, so that tests
 * there mint tokens the application trusts.
 */
public class TrustTestIssuer {
    private static final String CONFIG = "WEB-INF/classes/META-INF/microprofile-config.properties";

    @Inject
    private Instance<TestClass> testClass;

    /** Just before the container gets the archive: client-mode and in-container deployments alike. */
    public void beforeDeploy(@Observes BeforeDeploy event) {
        TestClass test = testClass.get();
        DeploymentDescription deployment = event.getDeployment();
        Archive<?> archive = deployment.testable() ? deployment.getTestableArchive() : deployment.getArchive();
        if (test == null || !test.isAnnotationPresent(TrustsTestIssuer.class)
                || !(archive instanceof WebArchive war)) {
            return;
        }
        TestIssuer issuer = TestIssuer.shared();
        String existing = "";
        if (war.contains(CONFIG)) {
            try (InputStream in = war.get(CONFIG).getAsset().openStream()) {
                existing = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            war.delete(CONFIG);
        }
        war.add(new StringAsset(withIssuer(existing, issuer.mpJwtConfig())), CONFIG);
        if (deployment.testable()) {
            // what minting needs, not the Arquillian side of the kit (the server has no Arquillian core SPI)
            war.addClasses(TestIssuer.class, TestToken.class, TestKeys.class, TrustsTestIssuer.class,
                    LoopbackClient.class);
            war.addAsResource(new StringAsset(issuer.copyForDeployment()), TestIssuer.RESOURCE);
            war.addAsLibrary(jarOf(JWSObject.class));
        }
    }

    /** {@code existing} without its lines for the keys {@code lines} set, then {@code lines}. */
    static String withIssuer(String existing, String lines) {
        java.util.Set<String> keys = lines.lines().map(line -> line.substring(0, line.indexOf('=')).trim())
                .collect(java.util.stream.Collectors.toSet());
        StringBuilder config = new StringBuilder();
        existing.lines().filter(line -> !keys.contains(keyOf(line))).forEach(line -> config.append(line).append('\n'));
        return config.append(lines).toString();
    }

    private static String keyOf(String line) {
        String trimmed = line.strip();
        int end = 0;
        while (end < trimmed.length() && "=: \t".indexOf(trimmed.charAt(end)) < 0) {
            end++;
        }
        return trimmed.substring(0, end);
    }

    private static java.io.File jarOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toFile();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

}
