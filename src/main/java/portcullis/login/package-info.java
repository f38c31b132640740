/**
 * Logging in: {@link portcullis.login.Authenticator} checks a password, and one resource per client dialect (Conduit,
 * Edumaps) turns a successful check into a token.
 */
package portcullis.login;
