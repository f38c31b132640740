package portcullis.tokens;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAccessor;

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
        if (since instanceof LocalDateTime local) {
            return local.toInstant(ZoneOffset.UTC); // a provider that gives TIMESTAMP as local time: the servers run UTC
        }
        return Instant.from((TemporalAccessor) since); // Instant, ZonedDateTime: whatever the JPA provider gives
    }
}
