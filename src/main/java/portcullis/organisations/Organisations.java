package portcullis.organisations;

import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.util.List;
import java.util.Optional;
import portcullis.revocation.RevocationList;
import portcullis.users.NoSuchUserException;
import portcullis.users.User;
import portcullis.users.Users;

/** Owns organisations and memberships. */
@Stateless
public class Organisations {

    @PersistenceContext
    EntityManager em;

    @Inject
    Users users;

    @Inject
    RevocationList revocationList;

    @Resource
    SessionContext context;

    /** The domains of the user's organisations, sorted. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS) // a read: no transaction of its own
    public List<String> domainsOf(long accountId) {
        return em.createNamedQuery(Organisation.DOMAINS_OF, String.class)
                .setParameter("account", accountId)
                .getResultList();
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Organisation get(String domain) {
        return find(Domains.normalise(domain)).orElseThrow(NoSuchOrganisationException::new);
    }

    /** Organisations by domain, after {@code afterDomain} (exclusive; empty for the first page). */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<Organisation> page(String afterDomain, int limit) {
        return em.createNamedQuery(Organisation.PAGE, Organisation.class)
                .setParameter("after", afterDomain)
                .setMaxResults(limit)
                .getResultList();
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public long memberCount(Organisation organisation) {
        return em.createNamedQuery(Membership.COUNT, Long.class)
                .setParameter("organisation", organisation.id())
                .getSingleResult();
    }

    /** Ids of the members, ascending, after {@code afterAccountId} (exclusive). */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<Long> memberIds(String domain, long afterAccountId, int limit) {
        return em.createNamedQuery(Membership.MEMBERS, Long.class)
                .setParameter("organisation", get(domain).id())
                .setParameter("after", afterAccountId)
                .setMaxResults(limit)
                .getResultList();
    }

    public Organisation create(String domain, String name) {
        String normalised = Domains.normalise(domain);
        if (find(normalised).isPresent()) {
            throw new DomainTakenException();
        }
        Organisation organisation = new Organisation(normalised, name.strip());
        try {
            em.persist(organisation);
            em.flush();
        } catch (PersistenceException concurrentCreation) {
            throw new DomainTakenException(); // the unique constraint decided a race with another request
        }
        return organisation;
    }

    public Organisation rename(String domain, String name) {
        Organisation organisation = get(domain);
        organisation.rename(name.strip());
        return organisation;
    }

    /**
     * Deletes the organisation and its memberships; its members' tokens name it, so they are outdated, after the
     * deletion committed: a token signed meanwhile had its issue time fixed before it read the memberships, so it
     * falls under the outdating too.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void delete(String domain) {
        List<Long> members = context.getBusinessObject(Organisations.class).remove(domain);
        members.forEach(member -> revocationList.outdateAllOf(String.valueOf(member)));
    }

    /** Deletes the organisation (memberships go with it, ON DELETE CASCADE); answers who its members were. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<Long> remove(String domain) {
        Organisation organisation = get(domain);
        List<Long> members = em.createNamedQuery(Membership.ALL_MEMBERS, Long.class)
                .setParameter("organisation", organisation.id())
                .getResultList();
        em.remove(organisation);
        return members;
    }

    /** Makes the user a member; answers false when they already were. Their current tokens stay valid. */
    public boolean addMember(String domain, long accountId) {
        Organisation organisation = get(domain);
        User user = users.findById(accountId).orElseThrow(NoSuchUserException::new);
        Membership.Key key = new Membership.Key(user.getId(), organisation.id());
        if (em.find(Membership.class, key) != null) {
            return false;
        }
        try {
            em.persist(new Membership(user.getId(), organisation.id()));
            em.flush();
        } catch (PersistenceException concurrentAddition) {
            return false;
        }
        return true;
    }

    /**
     * Ends a membership, then (once that committed) outdates the member's tokens, whose {@code belongsTo} still
     * names the organisation.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void removeMember(String domain, long accountId) {
        context.getBusinessObject(Organisations.class).endMembership(domain, accountId);
        revocationList.outdateAllOf(String.valueOf(accountId));
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void endMembership(String domain, long accountId) {
        Membership membership = em.find(Membership.class, new Membership.Key(accountId, get(domain).id()));
        if (membership == null) {
            throw new NoSuchMembershipException();
        }
        em.remove(membership);
    }

    private Optional<Organisation> find(String normalisedDomain) {
        return em.createNamedQuery(Organisation.BY_DOMAIN, Organisation.class)
                .setParameter("domain", normalisedDomain)
                .getResultStream()
                .findFirst();
    }
}
