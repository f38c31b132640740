package portcullis.audit;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;

/** A stored security event as administrators read it; {@code user} is whom it concerns, {@code actor} who did it. */
@JsonbPropertyOrder({"id", "kind", "outcome", "user", "actor", "address", "jti", "detail", "at"})
public record SecurityEventView(long id, String kind, String outcome, String user, String actor, String address,
        String jti, String detail, Instant at) {
}
