package portcullis.users;

/** What a user asked to change; {@code null} leaves a field as it is, an empty bio, image or name clears it. */
public record UserChanges(String email, String username, String password, String name, String bio, String image) {
}
