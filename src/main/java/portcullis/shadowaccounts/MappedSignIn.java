package portcullis.shadowaccounts;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Set;
import portcullis.users.User;

/**
 * The sign-in of a person an outside source vouches for: their shadow account created or refreshed with the token
 * groups their outside groups grant, and their memberships in the mapped organisations brought in step.
 */
@ApplicationScoped
public class MappedSignIn {

    @Inject
    ManagedAccounts accounts;

    @Inject
    MappedMemberships memberships;

    /**
     * The account of the person; {@code profile.groups()} are their outside groups, mapped here. 409 if their email
     * is another account's.
     */
    public User signIn(ManagedProfile profile, GroupMapping mapping) {
        Set<String> outsideGroups = profile.groups();
        User user = accounts.signIn(new ManagedProfile(profile.source(), profile.externalId(), profile.email(),
                profile.username(), profile.name(), mapping.tokenGroups(outsideGroups)));
        memberships.follow(user.getId(), mapping, mapping.organisations(outsideGroups));
        return user;
    }
}
