package portcullis.audit;

import java.time.Instant;

/** Which stored events to read, newest first: each filter optional; {@code before} is the paging cursor (an id). */
public record SecurityEventQuery(String user, AuditEvent kind, Instant since, Instant until, Long before, int limit) {
}
