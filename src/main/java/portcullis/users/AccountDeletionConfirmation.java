package portcullis.users;

/**
 * The body of {@code DELETE /api/user}: the current password, in either dialect's shape, Conduit's
 * {@code {"user":{"password"}}} or Edumaps' {@code {"password"}}.
 */
public record AccountDeletionConfirmation(String password, Nested user) {

    String givenPassword() {
        return password != null ? password : user == null ? null : user.password();
    }

    /** Conduit's envelope. */
    public record Nested(String password) {
    }
}
