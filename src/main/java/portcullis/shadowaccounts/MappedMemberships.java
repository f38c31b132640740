package portcullis.shadowaccounts;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Set;
import portcullis.organisations.DomainTakenException;
import portcullis.organisations.NoSuchMembershipException;
import portcullis.organisations.NoSuchOrganisationException;
import portcullis.organisations.Organisations;

/**
 * Keeps a shadow account's memberships in the mapped organisations as its groups say, at every sign-in: joined when
 * a group grants one (the organisation is created, named by its domain, if it does not exist), left when no group
 * does any more. Memberships in organisations the mapping never names are the administrators' and stay as they are.
 */
@ApplicationScoped
class MappedMemberships {

    @Inject
    Organisations organisations;

    void follow(long accountId, GroupMapping mapping, Set<String> granted) {
        Set<String> current = Set.copyOf(organisations.domainsOf(accountId));
        for (String domain : mapping.mappedOrganisations()) {
            if (granted.contains(domain) && !current.contains(domain)) {
                join(domain, accountId);
            } else if (!granted.contains(domain) && current.contains(domain)) {
                try {
                    organisations.removeMember(domain, accountId);
                } catch (NoSuchMembershipException | NoSuchOrganisationException goneMeanwhile) {
                    // another sign-in or an administrator removed it first
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
                // by a concurrent sign-in: fine
            }
        }
        organisations.addMember(domain, accountId);
    }
}
