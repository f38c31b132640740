package portcullis.tokens;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;

/** When users' tokens began to name an audience (the upgrade to schema 8, or the first start): table audience_since. */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class AudienceSince {

    @PersistenceContext
    EntityManager em;

    public Instant since() {
        Object since = em.createNativeQuery("SELECT since FROM audience_since WHERE id = 1").getSingleResult();
        if (since instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (since instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        return (Instant) since;
    }
}
