package portcullis.admin;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import portcullis.users.User;

/** A user in a search result. */
@JsonbPropertyOrder({"id", "email", "username", "name", "disabled", "createdAt"})
public record UserSummary(long id, String email, String username, String name, boolean disabled,
        Instant createdAt) {

    static UserSummary of(User user) {
        return new UserSummary(user.getId(), user.getEmail(), user.getUsername(), user.getName(), user.isDisabled(),
                user.getCreatedAt());
    }
}
