package portcullis.federation;

import jakarta.annotation.Resource;
import jakarta.ejb.ApplicationException;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.time.Instant;

/**
 * The providers' tokens already exchanged, in the database so that every node sees them: the primary key lets one
 * exchange of a token win, on any node, and the other is a replay.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ExchangedTokens {

    @PersistenceContext
    EntityManager em;

    @Resource
    SessionContext session;

    /** Records the token as exchanged; 401 if it was already (here, on another node, or at the same moment). */
    public void remember(ProviderToken token, Instant keepUntil) {
        ExchangedTokens self = session.getBusinessObject(ExchangedTokens.class);
        try {
            self.insert(new ExchangedToken(token.provider().name(), token.replayKey(), keepUntil));
        } catch (NotInserted conflict) {
            if (self.known(token)) {
                throw new ProviderTokenRefusedException("has been exchanged already");
            }
            // Not there, yet not inserted: the database failed; asking it again answers as it does (503 if away).
            self.insert(new ExchangedToken(token.provider().name(), token.replayKey(), keepUntil));
        }
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void insert(ExchangedToken token) {
        try {
            em.persist(token);
            em.flush();
        } catch (PersistenceException duplicateKeyOrFailure) {
            throw new NotInserted();
        }
    }

    /** The insert failed: usually a duplicate key (the token was exchanged already), to be told apart by a read. */
    @ApplicationException(rollback = true)
    static class NotInserted extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotInserted() {
            super(null, null, false, false);
        }
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean known(ProviderToken token) {
        return em.find(ExchangedToken.class,
                new ExchangedToken.Key(token.provider().name(), token.replayKey())) != null;
    }

    /** Forgets tokens that have expired: they cannot be exchanged again anyway. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int deleteExpired() {
        return em.createNamedQuery(ExchangedToken.DELETE_EXPIRED).setParameter("now", Instant.now()).executeUpdate();
    }
}
