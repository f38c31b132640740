/**
 * Throttling: failed logins counted per account and per client address, with a growing, capped delay past a
 * threshold; registrations and re-authentications rate-limited per address. The counts live behind
 * {@link portcullis.throttling.AttemptCounters}, so that a cluster can share them.
 */
package portcullis.throttling;
