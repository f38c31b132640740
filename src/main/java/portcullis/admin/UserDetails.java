package portcullis.admin;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import java.util.List;
import portcullis.sessions.SessionView;
import portcullis.throttling.AccountThrottling;
import portcullis.users.User;

/** One user as an administrator sees them: never a password or hash, sessions by id (jti), never a token. */
@JsonbPropertyOrder({"id", "email", "username", "name", "createdAt", "updatedAt", "disabled", "organisations",
        "integrations", "sessions", "throttling"})
public record UserDetails(long id, String email, String username, String name, Instant createdAt, Instant updatedAt,
        boolean disabled, List<String> organisations, List<String> integrations, List<SessionView> sessions,
        AccountThrottling throttling) {

    static UserDetails of(User user, List<String> organisations, List<String> integrations,
            List<SessionView> sessions, AccountThrottling throttling) {
        return new UserDetails(user.getId(), user.getEmail(), user.getUsername(), user.getName(),
                user.getCreatedAt(), user.getUpdatedAt(), user.isDisabled(), organisations, integrations, sessions,
                throttling);
    }
}
