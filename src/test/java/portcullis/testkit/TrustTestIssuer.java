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
 * Adds the shared test issuer's MicroProfile JWT configuration to the deployment of a {@link TrustsTestIssuer} test
 * class (appended to its {@code microprofile-config.properties}, whose last value of a key wins). A deployment that
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
                existing = new String(in.readAllBytes(), StandardCharsets.UTF_8) + "\n";
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            war.delete(CONFIG);
        }
        war.add(new StringAsset(existing + issuer.mpJwtConfig()), CONFIG);
        if (deployment.testable()) {
            // what minting needs, not the Arquillian side of the kit (the server has no Arquillian core SPI)
            war.addClasses(TestIssuer.class, TestToken.class, TestKeys.class, TrustsTestIssuer.class);
            war.addAsResource(new StringAsset(issuer.copyForDeployment()), TestIssuer.RESOURCE);
            war.addAsLibrary(jarOf(JWSObject.class));
        }
    }

    private static java.io.File jarOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toFile();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

}
