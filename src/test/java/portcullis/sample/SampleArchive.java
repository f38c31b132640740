package portcullis.sample;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The sample application's WAR, as its team would build it for Arquillian, for Payara Micro and WildFly alike. */
final class SampleArchive {

    private SampleArchive() {
    }

    static WebArchive named(String name) {
        return ShrinkWrap.create(WebArchive.class, name)
                .addClasses(SampleApplication.class, ReportsResource.class)
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
