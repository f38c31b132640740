package portcullis.directory;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Set;
import portcullis.organisations.DomainTakenException;
import portcullis.organisations.NoSuchMembershipException;
import portcullis.organisations.NoSuchOrganisationException;
import portcullis.organisations.Organisations;

/**
 * Keeps a directory user's memberships in the mapped organisations as their groups say, at every login: joined when
 * a group grants one (the organisation is created, named by its domain, if it does not exist), left (and earlier
 * tokens outdated) when no group does any more. Memberships in organisations the mapping never names are the
 * administrators' and stay as they are.
 */
@ApplicationScoped
public class DirectoryMemberships {

    @Inject
    Organisations organisations;

    @Inject
    GroupMapping mapping;

    void follow(long accountId, Set<String> granted) {
        Set<String> current = Set.copyOf(organisations.domainsOf(accountId));
        for (String domain : mapping.mappedOrganisations()) {
            if (granted.contains(domain) && !current.contains(domain)) {
                join(domain, accountId);
            } else if (!granted.contains(domain) && current.contains(domain)) {
                try {
                    organisations.removeMember(domain, accountId);
                } catch (NoSuchMembershipException | NoSuchOrganisationException goneMeanwhile) {
                    // another login or an administrator removed it first
                }
            }
        }
    }

    private void join(String domain, long accountId) {
        try {
            organisations.get(domain);
        } catch (NoSuchOrganisationException missing) {
            try {
                organisations.create(domain, domain);
            } catch (DomainTakenException createdMeanwhile) {
                // by a concurrent login: fine
            }
        }
        organisations.addMember(domain, accountId);
    }
}
