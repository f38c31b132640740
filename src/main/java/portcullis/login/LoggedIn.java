package portcullis.login;

import portcullis.tokens.SignedToken;
import portcullis.users.User;

/** A successful login or re-authentication: the user, as stored now, and the token issued for them. */
public record LoggedIn(User user, SignedToken token) {
}
