package portcullis.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import portcullis.integrations.Integrations;
import portcullis.organisations.Organisations;
import portcullis.sessions.Sessions;
import portcullis.throttling.LoginThrottle;
import portcullis.users.User;

/** Gathers what an administrator sees of one user from the features that own it. */
@ApplicationScoped
public class AdminUserViews {

    @Inject
    Organisations organisations;

    @Inject
    Integrations integrations;

    @Inject
    Sessions sessions;

    @Inject
    LoginThrottle throttle;

    UserDetails details(User user) {
        return UserDetails.of(user, organisations.domainsOf(user.getId()), integrations.enabledBy(user.getId()),
                sessions.liveOf(user.getId(), null), throttle.stateOf(user.getEmail()));
    }
}
