package com.example.broken;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import portcullis.testkit.LoopbackClient;
import portcullis.testkit.TestIssuer;
import portcullis.testkit.TrustsTestIssuer;

/**
 * The application's WAR made by hand, without the kit's archive: the default bean discovery, in which Payara's
 * MicroProfile JWT never sees {@code @LoginConfig}, so that Weld finds no {@code JsonWebToken} to inject.
 */
@ExtendWith(ArquillianExtension.class)
@TrustsTestIssuer
public class BrokenDeploymentIT {

    @Deployment(testable = false)
    public static WebArchive app() {
        return ShrinkWrap.create(WebArchive.class, "broken.war")
                .addClasses(BrokenApplication.class, MeResource.class)
                .addAsWebInfResource(new StringAsset("<glassfish-web-app><context-root>/</context-root>"
                        + "</glassfish-web-app>"), "glassfish-web.xml");
    }

    @ArquillianResource
    URL base;

    @Test
    public void wouldGet404WithoutTheKitsCheck() {
        assertEquals(200, LoopbackClient.of(base).get("api/me", TestIssuer.shared().token().sign()).statusCode());
    }
}
