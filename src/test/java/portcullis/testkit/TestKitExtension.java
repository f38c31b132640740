package portcullis.testkit;

import org.jboss.arquillian.core.spi.LoadableExtension;

/** Registers the test kit with Arquillian (META-INF/services): deployments of {@link TrustsTestIssuer} classes. */
public class TestKitExtension implements LoadableExtension {

    @Override
    public void register(ExtensionBuilder builder) {
        builder.observer(TrustTestIssuer.class);
    }
}
