/**
 * Sessions: a record of every token issued (kind, times, client address and user agent at issue), so that users see
 * and revoke their live tokens and a disabled integration's tokens can be found. Checking a token never reads it.
 */
package portcullis.sessions;
