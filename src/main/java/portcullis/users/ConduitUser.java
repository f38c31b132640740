package portcullis.users;

import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;

/** The Conduit user object: {@code {"user":{...,"token"}}}. */
public record ConduitUser(Profile user) {

    public static ConduitUser of(User user, String token) {
        return new ConduitUser(new Profile(user.getId(), user.getEmail(), user.getUsername(), user.getName(),
                user.getBio(), user.getTopics(), user.getImage(), token));
    }

    @JsonbNillable // Conduit clients expect "bio": null and "image": null rather than no field at all
    @JsonbPropertyOrder({"id", "email", "username", "name", "bio", "topics", "image", "token"})
    public record Profile(long id, String email, String username, String name, String bio, List<String> topics,
            String image, String token) {
    }
}
