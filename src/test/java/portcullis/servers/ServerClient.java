package portcullis.servers;

import java.net.URL;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import portcullis.http.Api;

/**
 * The client side of a black-box test on an Arquillian-managed server: the server's base URL and an {@link Api} on
 * it. A test class extends it and names its deployment ({@code @Deployment(testable = false)}) itself.
 */
@ExtendWith(ArquillianExtension.class)
public abstract class ServerClient {

    @ArquillianResource
    protected URL base;

    protected Api api;

    @BeforeEach
    public void connect() {
        api = new Api(base);
    }
}
