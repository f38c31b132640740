package portcullis.audit;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Owns the stored security events. */
@Stateless
public class SecurityEvents {

    @PersistenceContext
    EntityManager em;

    /** In a transaction of its own: a refused request rolls its own work back, never the record of its refusal. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void store(SecurityEvent event) {
        em.persist(event);
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS) // a read: no transaction of its own
    public List<SecurityEventView> search(SecurityEventQuery query) {
        StringBuilder jpql = new StringBuilder("SELECT e FROM SecurityEvent e WHERE 1 = 1");
        List<Object[]> parameters = new ArrayList<>();
        condition(jpql, parameters, "e.accountId = :user", "user", query.user());
        condition(jpql, parameters, "e.kind = :kind", "kind", query.kind() == null ? null : query.kind().label());
        condition(jpql, parameters, "e.recordedAt >= :since", "since", query.since());
        condition(jpql, parameters, "e.recordedAt < :until", "until", query.until());
        condition(jpql, parameters, "e.id < :before", "before", query.before());
        TypedQuery<SecurityEvent> typed = em.createQuery(jpql.append(" ORDER BY e.id DESC").toString(),
                SecurityEvent.class);
        parameters.forEach(parameter -> typed.setParameter((String) parameter[0], parameter[1]));
        return typed.setMaxResults(query.limit()).getResultStream().map(SecurityEvent::view).toList();
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int deleteOlderThan(Instant before) {
        return em.createNamedQuery(SecurityEvent.OLDER_THAN).setParameter("before", before).executeUpdate();
    }

    // Only fixed JPQL fragments are appended; every value is a bound parameter.
    private static void condition(StringBuilder jpql, List<Object[]> parameters, String fragment, String name,
            Object value) {
        if (value != null) {
            jpql.append(" AND ").append(fragment);
            parameters.add(new Object[] {name, value});
        }
    }
}
