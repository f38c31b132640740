/**
 * Revocation: single tokens (logout), every token of a user issued up to a moment (password change, "log out
 * everywhere", an admin's revocation) and disabled users. Durable in the database, checked in memory.
 */
package portcullis.revocation;
