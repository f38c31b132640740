package portcullis.login;

/**
 * {@code POST /api/auth/login}: {@code {"email","password"}}. No rules on the fields: a blank or missing one gets the
 * same 401 as a wrong one, after the same work.
 */
public record EdumapsLogin(String email, String password) {
}
