/**
 * Signing keys: generated on first start, kept in the database so that a restart and every node of a cluster use the
 * same ones, rotated on a schedule, and retired at once when one leaks. Private keys never leave the server.
 */
package portcullis.keys;
