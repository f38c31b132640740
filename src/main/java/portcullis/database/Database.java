package portcullis.database;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The server's datasource, by the JNDI name {@code portcullis.database.jndi-name} (Payara: {@code jdbc/portcullis};
 * WildFly binds datasources under {@code java:/}). JPA reaches the same datasource through persistence.xml.
 */
@ApplicationScoped
public class Database {

    @Inject
    @ConfigProperty(name = "portcullis.database.jndi-name")
    String jndiName;

    public DataSource dataSource() {
        try {
            return (DataSource) new InitialContext().lookup(jndiName);
        } catch (NamingException e) {
            throw new IllegalStateException("No datasource at " + jndiName + " (see server-config/)", e);
        }
    }
}
