/**
 * The user store: the {@link portcullis.users.User} entity, the {@link portcullis.users.Users} boundary that owns it,
 * and the Conduit registration and current-user endpoints.
 */
package portcullis.users;
