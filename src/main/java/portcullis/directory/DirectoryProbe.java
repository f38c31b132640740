package portcullis.directory;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import javax.naming.NamingException;
import javax.naming.directory.SearchControls;

/** Whether the directory answers the service account now: a read of the user base entry, within the timeouts. */
@ApplicationScoped
public class DirectoryProbe {

    @Inject
    DirectorySettings settings;

    @Inject
    DirectoryConnections connections;

    @Inject
    DirectoryStatus status;

    public boolean isConfigured() {
        return settings.isOn();
    }

    public boolean required() {
        return settings.readinessRequired();
    }

    public boolean reachable() {
        try {
            connections.asServiceAccount(context -> {
                SearchControls controls = new SearchControls();
                controls.setSearchScope(SearchControls.OBJECT_SCOPE);
                controls.setReturningAttributes(new String[] {"1.1"});
                controls.setTimeLimit((int) settings.readTimeout().toMillis());
                return context.search(settings.userBase(), "(objectClass=*)", controls).hasMore();
            });
            status.reachable();
            return true;
        } catch (NamingException unreachable) {
            status.unreachable(unreachable);
            return false;
        } catch (DirectoryUnavailableException busy) {
            return false;
        }
    }
}
