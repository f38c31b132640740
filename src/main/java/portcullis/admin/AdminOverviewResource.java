package portcullis.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import portcullis.metrics.RecentActivity;
import portcullis.metrics.RecentActivity.Kind;
import portcullis.tokens.Authenticated;

/**
 * {@code GET /api/admin/overview}: this node at a glance, for the console: its readiness checks (the same ones as
 * {@code /health/ready}, which WildFly serves on another port) and what it did in the last hour.
 */
@Path("admin/overview")
@ApplicationScoped
@Authenticated
@Admin
@Produces(MediaType.APPLICATION_JSON)
public class AdminOverviewResource {

    @Inject
    @Readiness
    Instance<HealthCheck> readinessChecks;

    @Inject
    RecentActivity recent;

    @GET
    public Overview overview() {
        List<Check> checks = readinessChecks.stream()
                .map(HealthCheck::call)
                .map(response -> new Check(response.getName(), response.getStatus().name()))
                .sorted(Comparator.comparing(Check::name))
                .toList();
        boolean up = checks.stream().allMatch(check -> HealthCheckResponse.Status.UP.name().equals(check.status()));
        return new Overview(new NodeReadiness(up ? "UP" : "DOWN", checks),
                new Activity(recent.windowStart(),
                        new Logins(recent.lastHour(Kind.LOGIN_SUCCESS), recent.lastHour(Kind.LOGIN_FAILURE),
                                recent.lastHour(Kind.LOGIN_THROTTLED)),
                        new Tokens(recent.lastHour(Kind.TOKEN_VERIFIED), recent.lastHour(Kind.TOKEN_REFUSED))));
    }

    /** {@code {"readiness":{...},"activity":{...}}}. */
    public record Overview(NodeReadiness readiness, Activity activity) {
    }

    /** {@code status} is UP only when every check is. */
    public record NodeReadiness(String status, List<Check> checks) {
    }

    public record Check(String name, String status) {
    }

    /** This node since {@code since} (the last hour). */
    @JsonbPropertyOrder({"since", "logins", "tokens"})
    public record Activity(Instant since, Logins logins, Tokens tokens) {
    }

    @JsonbPropertyOrder({"success", "failure", "throttled"})
    public record Logins(long success, long failure, long throttled) {
    }

    @JsonbPropertyOrder({"verified", "refused"})
    public record Tokens(long verified, long refused) {
    }
}
