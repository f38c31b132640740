package com.example.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import portcullis.testkit.LoopbackClient;
import portcullis.testkit.MpJwtArchive;
import portcullis.testkit.TestIssuer;
import portcullis.testkit.TrustsTestIssuer;

/** The application from inside its server (Arquillian's in-container mode): its own bean, tokens minted there. */
@ExtendWith(ArquillianExtension.class)
@TrustsTestIssuer
public class ReportsInsideIT {

    @Deployment
    public static WebArchive app() {
        return MpJwtArchive.named("reports-inside.war").addPackage(ReportsApplication.class.getPackage())
                .addAsResource("META-INF/microprofile-config.properties");
    }

    @ArquillianResource
    URL base;

    @Inject
    ReportsResource reports;

    @Test
    public void tokensMintedInsideTheServerAreTrustedAndRefusedAsOutside() {
        assertNotNull(reports, "running inside the server, with the application's beans");
        TestIssuer issuer = TestIssuer.shared(); // a copy of the test JVM's issuer: the same keys
        LoopbackClient app = LoopbackClient.of(base);
        assertEquals(200, app.get("api/reports/corp.example", issuer.token().groups("user", "developer")
                .belongsTo("corp.example").sign()).statusCode());
        assertEquals(403, app.get("api/reports/corp.example", issuer.token().belongsTo("corp.example").sign())
                .statusCode());
        assertEquals(401, app.get("api/reports/me", issuer.token().expired(Duration.ofMinutes(2)).sign())
                .statusCode());
        assertEquals(401, app.get("api/reports/me", issuer.token().forged()).statusCode());
    }
}
