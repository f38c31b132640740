/**
 * Organisations (a domain and a display name) and their members: the Edumaps {@code belongsTo} and the
 * {@code belongsTo} claim of every token. Removing a membership outdates the member's tokens.
 */
package portcullis.organisations;
