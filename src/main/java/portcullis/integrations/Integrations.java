package portcullis.integrations;

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
import java.util.regex.Pattern;
import portcullis.revocation.RevocationList;
import portcullis.sessions.Sessions;
import portcullis.tokens.SignedToken;
import portcullis.users.User;
import portcullis.users.UserTokens;

/**
 * Owns the catalogue and who enabled what. Disabling (or deleting) a service first commits that it is off, then
 * revokes the tokens it holds; issuing a token first records it, then checks that the service is still on. Whatever
 * the interleaving, a token issued while the service is being disabled is revoked by one side or the other.
 */
@Stateless
public class Integrations {
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    @PersistenceContext
    EntityManager em;

    @Inject
    Sessions sessions;

    @Inject
    UserTokens userTokens;

    @Inject
    RevocationList revocationList;

    @Resource
    SessionContext context;

    @TransactionAttribute(TransactionAttributeType.SUPPORTS) // reads: no transaction of their own
    public List<Integration> catalogue() {
        return em.createNamedQuery(Integration.ALL, Integration.class).getResultList();
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Integration get(String name) {
        return find(name).orElseThrow(NoSuchIntegrationException::new);
    }

    /** Names of the services the account enabled, sorted. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<String> enabledBy(long accountId) {
        return em.createNamedQuery(Integration.ENABLED_BY, String.class)
                .setParameter("account", accountId)
                .getResultList();
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public boolean isEnabled(long accountId, String name) {
        return find(name).map(integration -> em.find(EnabledIntegration.class,
                new EnabledIntegration.Key(accountId, integration.id())) != null).orElse(false);
    }

    public Integration create(String name, String displayName) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new InvalidIntegrationNameException();
        }
        if (find(name).isPresent()) {
            throw new IntegrationNameTakenException();
        }
        Integration integration = new Integration(name, displayName.strip());
        try {
            em.persist(integration);
            em.flush();
        } catch (PersistenceException concurrentCreation) {
            throw new IntegrationNameTakenException();
        }
        return integration;
    }

    public Integration rename(String name, String displayName) {
        Integration integration = get(name);
        integration.rename(displayName.strip());
        return integration;
    }

    /** Removes the service from the catalogue and from every user, and revokes every token it holds. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public int delete(String name) {
        context.getBusinessObject(Integrations.class).remove(name);
        return sessions.revokeIntegration(name, null);
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void remove(String name) {
        em.remove(get(name)); // the users' enablements go with it (ON DELETE CASCADE)
    }

    /** Enables the service for the user (if it was not) and answers a new integration token for it. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public SignedToken enable(User user, String name) {
        context.getBusinessObject(Integrations.class).storeEnabled(user.getId(), name);
        return reissue(user, name);
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void storeEnabled(long accountId, String name) {
        Integration integration = get(name);
        if (em.find(EnabledIntegration.class, new EnabledIntegration.Key(accountId, integration.id())) == null) {
            try {
                em.persist(new EnabledIntegration(accountId, integration.id()));
                em.flush();
            } catch (PersistenceException enabledConcurrently) {
                // the other request enabled it: enabled it is
            }
        }
    }

    /** A fresh integration token, while the service is enabled for the user. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public SignedToken reissue(User user, String name) {
        if (!isEnabled(user.getId(), name)) {
            throw new IntegrationNotEnabledException();
        }
        SignedToken token = userTokens.issueForIntegration(user, name); // recorded (committed) as it is issued
        if (!isEnabled(user.getId(), name)) {
            revocationList.revokeToken(token.jti(), user.subject(), token.expiresAt());
            throw new IntegrationNotEnabledException();
        }
        return token;
    }

    /** Disables the service for the user and revokes every token it holds for them. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public int disable(long accountId, String name) {
        context.getBusinessObject(Integrations.class).removeEnabled(accountId, name);
        return sessions.revokeIntegration(name, accountId);
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void removeEnabled(long accountId, String name) {
        EnabledIntegration enabled = em.find(EnabledIntegration.class,
                new EnabledIntegration.Key(accountId, get(name).id()));
        if (enabled == null) {
            throw new IntegrationNotEnabledException();
        }
        em.remove(enabled);
    }

    private Optional<Integration> find(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            return Optional.empty();
        }
        return em.createNamedQuery(Integration.BY_NAME, Integration.class)
                .setParameter("name", name)
                .getResultStream()
                .findFirst();
    }
}
