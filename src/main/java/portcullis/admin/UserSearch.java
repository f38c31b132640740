package portcullis.admin;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.List;
import java.util.Locale;
import portcullis.users.User;

/**
 * Finds users for administrators: by part of the email or username (case-insensitively), by organisation, or both;
 * in id order after a cursor, so that paging stays stable while users are added.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS) // reads: no transaction of their own
public class UserSearch {

    @PersistenceContext
    EntityManager em;

    /** {@code text} and {@code domain} (normalised) may be null. */
    public List<User> find(String text, String domain, long afterId, int limit) {
        StringBuilder jpql = new StringBuilder("SELECT u FROM User u WHERE u.id > :after");
        if (text != null) {
            jpql.append(" AND (u.email LIKE :text ESCAPE '\\' OR u.usernameKey LIKE :text ESCAPE '\\')");
        }
        if (domain != null) {
            jpql.append(" AND EXISTS (SELECT m FROM Membership m, Organisation o WHERE m.accountId = u.id"
                    + " AND m.organisationId = o.id AND o.domain = :domain)");
        }
        TypedQuery<User> query = em.createQuery(jpql.append(" ORDER BY u.id").toString(), User.class)
                .setParameter("after", afterId)
                .setMaxResults(limit);
        if (text != null) {
            query.setParameter("text", "%" + likeEscaped(text.toLowerCase(Locale.ROOT)) + "%");
        }
        if (domain != null) {
            query.setParameter("domain", domain);
        }
        return query.getResultList();
    }

    /** What the user typed is matched literally: LIKE's wildcards and the escape character are escaped. */
    private static String likeEscaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
