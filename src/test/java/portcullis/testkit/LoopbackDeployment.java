package portcullis.testkit;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import org.jboss.arquillian.container.spi.client.protocol.metadata.HTTPContext;
import org.jboss.arquillian.container.spi.client.protocol.metadata.ProtocolMetaData;
import org.jboss.arquillian.container.spi.client.protocol.metadata.Servlet;
import org.jboss.arquillian.container.spi.event.container.AfterDeploy;
import org.jboss.arquillian.container.spi.context.annotation.DeploymentScoped;
import org.jboss.arquillian.core.api.InstanceProducer;
import org.jboss.arquillian.core.api.annotation.Inject;
import org.jboss.arquillian.core.api.annotation.Observes;

/**
 * Points a deployment on this machine at {@code 127.0.0.1}. Payara Micro's Arquillian adapter hands the tests (and
 * Arquillian's in-container protocol) the machine's outward address, which a test server listening on loopback only
 * never answers; a server on this machine that answers on loopback is reached there instead.
 */
public class LoopbackDeployment {
    @Inject
    @DeploymentScoped
    private InstanceProducer<ProtocolMetaData> deployed;

    public void toLoopback(@Observes AfterDeploy event) {
        ProtocolMetaData metaData = deployed.get();
        if (metaData == null || metaData.getContexts(HTTPContext.class).stream().noneMatch(this::movable)) {
            return;
        }
        ProtocolMetaData onLoopback = new ProtocolMetaData();
        for (Object context : metaData.getContexts()) {
            if (context instanceof HTTPContext http && movable(http)) {
                HTTPContext moved = new HTTPContext(http.getName(), "127.0.0.1", http.getPort());
                for (Servlet servlet : http.getServlets()) {
                    moved.add(new Servlet(servlet.getName(), servlet.getContextRoot()));
                }
                onLoopback.addContext(moved);
            } else {
                onLoopback.addContext(context);
            }
        }
        deployed.set(onLoopback);
    }

    private boolean movable(HTTPContext context) {
        try {
            InetAddress host = InetAddress.getByName(context.getHost());
            if (host.isLoopbackAddress() || NetworkInterface.getByInetAddress(host) == null) {
                return false; // already on loopback, or another machine's
            }
        } catch (IOException unknownHost) {
            return false;
        }
        try (Socket probe = new Socket()) {
            probe.connect(new InetSocketAddress("127.0.0.1", context.getPort()), 2000);
            return true;
        } catch (IOException notOnLoopback) {
            return false;
        }
    }
}
