package portcullis.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.inject.Inject;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import portcullis.testkit.TestIssuer;
import portcullis.testkit.TrustsTestIssuer;

/**
 * The sample application tested from inside the server (Arquillian in-container mode): the test injects the
 * application's own bean and mints tokens there with the kit (a copy of the test JVM's issuer, same keys).
 */
@Tag("database-independent")
@ExtendWith(ArquillianExtension.class)
@TrustsTestIssuer
public class SampleAppInsideIT {

    @Deployment
    public static WebArchive app() {
        return SampleArchive.named("sample-inside.war");
    }

    @ArquillianResource
    URL base;

    @Inject
    ReportsResource reports; // the application's own bean, inside its server

    private int get(String path, String token) throws Exception {
        String context = base.getPath().endsWith("/") ? base.getPath() : base.getPath() + "/";
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + base.getPort() + context + "api/"
                        + path))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(30)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    public void tokensMintedInsideTheServerAreTrustedAndRefusedAsOutside() throws Exception {
        assertEquals(true, reports != null, "running inside the server, with its beans");
        TestIssuer issuer = TestIssuer.shared();
        assertEquals(200, get("reports/corp.example", issuer.token().groups("user", "developer")
                .belongsTo("corp.example").sign()));
        assertEquals(403, get("reports/corp.example", issuer.token().groups("user").belongsTo("corp.example").sign()));
        assertEquals(401, get("reports/me", issuer.token().expired(Duration.ofSeconds(120)).sign()));
        assertEquals(401, get("reports/me", issuer.token().forged()));
    }
}
