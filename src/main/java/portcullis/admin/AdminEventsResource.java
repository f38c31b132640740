package portcullis.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import portcullis.audit.AuditEvent;
import portcullis.audit.SecurityEventQuery;
import portcullis.audit.SecurityEventView;
import portcullis.audit.SecurityEvents;
import portcullis.tokens.Authenticated;

/**
 * The stored security events, newest first: {@code GET /api/admin/events?user=&kind=&since=&until=&limit=&cursor=}
 * ({@code user} an id, {@code kind} an audit label such as {@code login}, times ISO-8601, {@code until} exclusive).
 */
@Path("admin/events")
@ApplicationScoped
@Authenticated
@Admin
@Produces(MediaType.APPLICATION_JSON)
public class AdminEventsResource {

    @Inject
    SecurityEvents events;

    @GET
    public EventPage search(@QueryParam("user") String user, @QueryParam("kind") String kind,
            @QueryParam("since") String since, @QueryParam("until") String until,
            @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        if (user != null && !user.matches("[0-9]{1,18}")) {
            throw new InvalidQueryException("user", "must be a user id");
        }
        AuditEvent event = kind == null ? null : AuditEvent.ofLabel(kind)
                .orElseThrow(() -> new InvalidQueryException("kind", "is not a kind of security event"));
        int size = Paging.limit(limit);
        long before = Paging.numericKey(cursor, Long.MAX_VALUE);
        List<SecurityEventView> page = events.search(new SecurityEventQuery(user, event,
                Paging.instant(since, "since"), Paging.instant(until, "until"), before, size));
        String next = page.size() < size ? null : Paging.cursor(String.valueOf(page.get(page.size() - 1).id()));
        return new EventPage(page, next);
    }

    /** {@code {"events":[...],"next":"<cursor>"}}. */
    public record EventPage(List<SecurityEventView> events, @JsonbNillable String next) {
    }
}
