package portcullis.sessions;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;

/**
 * A live token as its user (or an administrator) sees it. {@code state} is {@code active}, or {@code outdated} when
 * its claims changed (good for re-authentication only); {@code current} marks the token of the request.
 */
@JsonbPropertyOrder({"id", "kind", "integration", "state", "issuedAt", "expiresAt", "address", "userAgent", "current"})
public record SessionView(String id, String kind, String integration, String state, Instant issuedAt,
        Instant expiresAt, String address, String userAgent, boolean current) {
}
