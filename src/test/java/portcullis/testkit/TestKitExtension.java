package portcullis.testkit;

import org.jboss.arquillian.core.spi.LoadableExtension;

/**
 * Registers the test kit with Arquillian (META-INF/services): deployments of {@link TrustsTestIssuer} classes trust
 * the test issuer, a deployment the server refused fails its tests with the server's reason, and a deployment on
 * this machine is reached on loopback.
 */
public class TestKitExtension implements LoadableExtension {

    @Override
    public void register(ExtensionBuilder builder) {
        builder.observer(TrustTestIssuer.class).observer(DeploymentCheck.class).observer(LoopbackDeployment.class);
    }
}
