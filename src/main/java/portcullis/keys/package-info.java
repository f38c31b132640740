/**
 * Signing keys: generated on first start, kept in the database so that a restart (and later every node of a cluster)
 * uses the same ones. Private keys never leave the server.
 */
package portcullis.keys;
