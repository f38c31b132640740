package portcullis.testkit;

import java.util.List;
import org.jboss.arquillian.container.spi.client.deployment.DeploymentDescription;
import org.jboss.arquillian.container.spi.client.protocol.metadata.HTTPContext;
import org.jboss.arquillian.container.spi.client.protocol.metadata.ProtocolMetaData;
import org.jboss.arquillian.container.spi.event.container.AfterDeploy;
import org.jboss.arquillian.container.spi.event.container.BeforeDeploy;
import org.jboss.arquillian.core.api.Instance;
import org.jboss.arquillian.core.api.annotation.Inject;
import org.jboss.arquillian.core.api.annotation.Observes;

/**
 * Fails the tests of a deployment the server did not deploy, with the server's reason. Payara Micro keeps running
 * after a failed deployment (a CDI error such as WELD-001408, say) and its Arquillian adapter reports success, so
 * that every test would otherwise just get 404: a deployed application always has servlets (JAX-RS's, the
 * server's default one), a failed one none.
 */
public class DeploymentCheck {
    @Inject
    private Instance<ProtocolMetaData> deployed;

    private ServerOutput output;

    public void capture(@Observes BeforeDeploy event) {
        output = ServerOutput.capture();
    }

    public void check(@Observes AfterDeploy event) {
        List<String> reasons = output == null ? List.of() : output.release();
        output = null;
        ProtocolMetaData metaData = deployed.get();
        boolean serving = metaData != null && metaData.getContexts(HTTPContext.class).stream()
                .anyMatch(context -> !context.getServlets().isEmpty());
        if (!serving) {
            DeploymentDescription deployment = event.getDeployment();
            throw new DeploymentFailedException(deployment.isArchiveDeployment() ? deployment.getArchive().getName()
                    : deployment.getName(), reasons);
        }
    }
}
