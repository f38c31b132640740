package portcullis.admin;

import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import java.util.List;
import portcullis.sessions.SessionView;
import portcullis.throttling.AccountThrottling;
import portcullis.users.User;

/**
 * One user as an administrator sees them: never a password or hash, sessions by id (jti), never a token;
 * {@code managedBy} names who keeps the password ({@code directory}), null for Portcullis's own accounts.
 */
@JsonbPropertyOrder({"id", "email", "username", "name", "createdAt", "updatedAt", "disabled", "administrator", "managedBy",
        "organisations", "integrations", "sessions", "throttling"})
public record UserDetails(long id, String email, String username, String name, Instant createdAt, Instant updatedAt,
        boolean disabled, boolean administrator, @JsonbNillable String managedBy, List<String> organisations, List<String> integrations,
        List<SessionView> sessions, AccountThrottling throttling) {

    static UserDetails of(User user, List<String> organisations, List<String> integrations,
            List<SessionView> sessions, AccountThrottling throttling) {
        return new UserDetails(user.getId(), user.getEmail(), user.getUsername(), user.getName(),
                user.getCreatedAt(), user.getUpdatedAt(), user.isDisabled(), user.isAdministrator(), user.managedBy().orElse(null),
                organisations, integrations, sessions, throttling);
    }
}
