/**
 * The admin API for administrators (users in the {@code admin} group): users (search, create, read, delete, password,
 * disable, sessions, throttling), organisations and memberships, the integrations catalogue, signing keys and the
 * stored security events. Every change is audited with the administrator as actor.
 */
package portcullis.admin;
