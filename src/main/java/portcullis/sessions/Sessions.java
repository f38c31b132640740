package portcullis.sessions;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import portcullis.callers.ClientAddress;
import portcullis.callers.UserAgent;
import portcullis.revocation.RevocationList;
import portcullis.revocation.TokenStanding;
import portcullis.tokens.TokenIssued;

/**
 * Owns the session records: one row per issued token, written as it is issued (one small insert per login), read
 * only when someone lists or revokes sessions. Whether a token is revoked is always the revocation list's answer.
 */
@Stateless
public class Sessions {
    /** The most sessions one listing shows, newest first. */
    static final int LISTED = 200;
    private static final int LONGEST_ADDRESS = 45;

    @PersistenceContext
    EntityManager em;

    @Inject
    RevocationList revocationList;

    @Inject
    ClientAddress clientAddress;

    @Inject
    UserAgent userAgent;

    public void record(@Observes TokenIssued issued) {
        String address = clientAddress.current();
        if (address != null && address.length() > LONGEST_ADDRESS) {
            address = address.substring(0, LONGEST_ADDRESS);
        }
        em.persist(new Session(issued.jti(), Long.parseLong(issued.subject()), issued.kind().label(),
                issued.integration(), issued.issuedAt(), issued.expiresAt(), address, userAgent.current()));
    }

    /** The account's tokens that are neither expired nor revoked, newest first; {@code currentJti} is marked. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS) // a read: no transaction of its own
    public List<SessionView> liveOf(long accountId, String currentJti) {
        return em.createNamedQuery(Session.LIVE_OF, Session.class)
                .setParameter("account", accountId)
                .setParameter("now", Instant.now())
                .setMaxResults(LISTED * 2)
                .getResultStream()
                .map(session -> view(session, currentJti))
                .filter(view -> view.state() != null)
                .limit(LISTED)
                .toList();
    }

    /** Revokes one of the account's tokens; another account's (or an unknown) one is "not found". */
    public void revoke(long accountId, String jti) {
        Session session = em.find(Session.class, jti);
        if (session == null || session.accountId() != accountId
                || standing(session) == TokenStanding.REVOKED || session.expiresAt().isBefore(Instant.now())) {
            throw new NoSuchSessionException();
        }
        revocationList.revokeToken(jti, String.valueOf(accountId), session.expiresAt());
        em.remove(session);
    }

    /**
     * Revokes the account's live tokens issued at or after {@code from}, all but {@code keptJti} (a password change
     * keeps the token that made it; what was issued before {@code from} is revoked by the caller wholesale).
     */
    public int revokeAllBut(long accountId, String keptJti, Instant from) {
        List<Session> others = em.createNamedQuery(Session.LIVE_OF, Session.class)
                .setParameter("account", accountId)
                .setParameter("now", Instant.now())
                .getResultStream()
                .filter(session -> !session.jti().equals(keptJti) && !session.issuedAt().isBefore(from))
                .toList();
        for (Session session : others) {
            revocationList.revokeToken(session.jti(), String.valueOf(accountId), session.expiresAt());
            em.remove(session);
        }
        return others.size();
    }

    /** Revokes every live token of the integration: the account's, or everyone's when {@code accountId} is null. */
    public int revokeIntegration(String integration, Long accountId) {
        List<Session> sessions = (accountId == null
                ? em.createNamedQuery(Session.OF_INTEGRATION, Session.class)
                : em.createNamedQuery(Session.OF_ACCOUNT_AND_INTEGRATION, Session.class)
                        .setParameter("account", accountId))
                .setParameter("integration", integration)
                .setParameter("now", Instant.now())
                .getResultList();
        for (Session session : sessions) {
            revocationList.revokeToken(session.jti(), String.valueOf(session.accountId()), session.expiresAt());
            em.remove(session);
        }
        return sessions.size();
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int deleteExpired() {
        return em.createNamedQuery(Session.EXPIRED).setParameter("now", Instant.now()).executeUpdate();
    }

    private SessionView view(Session session, String currentJti) {
        String state = switch (standing(session)) {
            case VALID -> "active";
            case OUTDATED -> "outdated";
            case REVOKED -> null;
        };
        return new SessionView(session.jti(), session.kind(), session.integration(), state, session.issuedAt(),
                session.expiresAt(), session.address(), session.userAgent(), session.jti().equals(currentJti));
    }

    private TokenStanding standing(Session session) {
        return revocationList.standing(session.jti(), String.valueOf(session.accountId()),
                session.issuedAt().getEpochSecond());
    }
}
