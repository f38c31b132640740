/**
 * Operations for administrators (users in the {@code admin} group): key rotation, revoking a user's tokens,
 * disabling and enabling users.
 */
package portcullis.admin;
