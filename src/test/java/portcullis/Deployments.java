package portcullis;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The WAR under test is the one the build produced: tests check what ships. */
public final class Deployments {
    public static final File BUILT_WAR = new File("target/portcullis.war");

    private Deployments() {
    }

    public static WebArchive builtWar() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, BUILT_WAR);
    }

    /** The built WAR with MicroProfile Config properties of its own, for behaviour that depends on configuration. */
    public static WebArchive builtWarConfiguredWith(String properties) {
        return builtWar().addAsResource(new StringAsset(properties), "META-INF/microprofile-config.properties");
    }
}
