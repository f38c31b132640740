package portcullis.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.util.logging.Logger;
import portcullis.requests.ClientAddress;

/**
 * Writes one JSON line per security event to the logger {@code portcullis.audit}:
 * {@code {"audit":"login","outcome":"failure","user":null,"address":"203.0.113.9","jti":null,"at":"…"}}. Never a
 * password, hash or token: users appear by id, tokens by {@code jti}.
 */
@ApplicationScoped
public class AuditLog {
    private static final Logger LOG = Logger.getLogger("portcullis.audit");

    @Inject
    ClientAddress clientAddress;

    public void record(AuditEvent event, String outcome, String userId, String jti) {
        LOG.info(line(event, outcome, userId, jti).add("at", Instant.now().toString()).build().toString());
    }

    /** A signing key retired in an emergency, by the administrator {@code userId}: the line names the {@code kid}. */
    public void recordKeyRetired(String kid, String userId) {
        LOG.info(line(AuditEvent.KEY_RETIRED_NOW, "success", userId, null)
                .add("kid", kid)
                .add("at", Instant.now().toString())
                .build().toString());
    }

    private JsonObjectBuilder line(AuditEvent event, String outcome, String userId, String jti) {
        JsonObjectBuilder line = Json.createObjectBuilder()
                .add("audit", event.label())
                .add("outcome", outcome);
        addOrNull(line, "user", userId);
        addOrNull(line, "address", clientAddress.current());
        addOrNull(line, "jti", jti);
        return line;
    }

    private static void addOrNull(JsonObjectBuilder line, String name, String value) {
        if (value == null) {
            line.addNull(name);
        } else {
            line.add(name, value);
        }
    }
}
