/**
 * Throttling: failed logins counted per account and per client address, with a growing, capped delay past a
 * threshold; registrations and re-authentications rate-limited per address. The counts live in the
 * database ({@link portcullis.throttling.AttemptCounters}), so that the nodes of a cluster share them.
 */
package portcullis.throttling;
