package portcullis.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.logging.Logger;
import portcullis.callers.ClientAddress;

/**
 * Writes one JSON line per security event to the logger {@code portcullis.audit} and stores it for administrators
 * to search ({@link SecurityEvents}):
 * {@code {"audit":"login","outcome":"failure","user":null,"address":"203.0.113.9","jti":null,"at":"…"}}; an
 * administrator's action adds {@code actor} (who) and {@code detail} (what, such as a domain). Never a password, hash
 * or token: users appear by id, tokens by {@code jti}.
 */
@ApplicationScoped
public class AuditLog {
    private static final Logger LOG = Logger.getLogger("portcullis.audit");
    /** Json.createObjectBuilder() looks the JSON provider up at every call (4 % of a login's CPU in a profile). */
    private static final JsonBuilderFactory JSON = Json.createBuilderFactory(Map.of());

    @Inject
    ClientAddress clientAddress;

    @Inject
    SecurityEvents store;

    public void record(AuditEvent event, String outcome, String userId, String jti) {
        write(event, outcome, userId, null, jti, null);
    }

    /** A user's own action on a named thing ({@code detail}, such as a service), with the token it issued or used. */
    public void recordWithDetail(AuditEvent event, String userId, String jti, String detail) {
        write(event, "success", userId, null, jti, detail);
    }

    /** What the administrator {@code actorId} did to {@code userId} (if a user), with {@code detail}. */
    public void recordByAdmin(AuditEvent event, String actorId, String userId, String detail) {
        write(event, "success", userId, actorId, null, detail);
    }

    /** A signing key retired in an emergency, by the administrator {@code userId}: the line names the {@code kid}. */
    public void recordKeyRetired(String kid, String userId) {
        write(AuditEvent.KEY_RETIRED_NOW, "success", userId, userId, null, kid);
    }

    private void write(AuditEvent event, String outcome, String userId, String actorId, String jti, String detail) {
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String address = clientAddress.current();
        JsonObjectBuilder line = JSON.createObjectBuilder()
                .add("audit", event.label())
                .add("outcome", outcome);
        addOrNull(line, "user", userId);
        addOrNull(line, "address", address);
        addOrNull(line, "jti", jti);
        if (actorId != null) {
            line.add("actor", actorId);
        }
        if (detail != null) {
            line.add("detail", detail);
            if (event == AuditEvent.KEY_RETIRED_NOW) {
                line.add("kid", detail);
            }
        }
        LOG.info(line.add("at", at.toString()).build().toString());
        store.store(new SecurityEvent(event.label(), outcome, userId, actorId, address, jti, detail, at));
    }

    private static void addOrNull(JsonObjectBuilder line, String name, String value) {
        if (value == null) {
            line.addNull(name);
        } else {
            line.add(name, value);
        }
    }
}
