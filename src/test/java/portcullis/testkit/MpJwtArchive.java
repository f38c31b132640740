package portcullis.testkit;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The test WAR of an application that verifies tokens with MicroProfile JWT, with what Payara Micro and WildFly each
 * need of it: {@code MpJwtArchive.named("reports.war").addClasses(ReportsApplication.class, ReportsResource.class)}.
 * Add {@code META-INF/microprofile-config.properties} as a resource for configuration of your own; for a class
 * annotated {@link TrustsTestIssuer} the kit sets the {@code mp.jwt.verify.*} keys in it.
 */
public final class MpJwtArchive {

    private MpJwtArchive() {
    }

    public static WebArchive named(String name) {
        return ShrinkWrap.create(WebArchive.class, name)
                // "all": Payara's MicroProfile JWT sees @LoginConfig on the Application class only then
                .addAsWebInfResource(new StringAsset("<beans bean-discovery-mode=\"all\"/>"), "beans.xml")
                // Payara Micro's Arquillian adapter finds a deployment's URL at the root context only
                .addAsWebInfResource(new StringAsset("<glassfish-web-app><context-root>/</context-root>"
                        + "</glassfish-web-app>"), "glassfish-web.xml")
                // WildFly's JAX-RS (RESTEasy) enforces @RolesAllowed on plain resources only when asked to
                .addAsWebInfResource(new StringAsset("<web-app xmlns=\"https://jakarta.ee/xml/ns/jakartaee\" "
                        + "version=\"6.0\"><context-param><param-name>resteasy.role.based.security</param-name>"
                        + "<param-value>true</param-value></context-param></web-app>"), "web.xml");
    }
}
