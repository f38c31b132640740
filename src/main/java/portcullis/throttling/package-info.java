/**
 * Throttling: failed logins counted per account and per client address, with a growing, capped delay past a
 * threshold, and accounts known at an address exempt from that address's limit; registrations rate-limited per
 * address, re-authentications per user. The counts live in the database
 * ({@link portcullis.throttling.AttemptCounters}, {@link portcullis.throttling.KnownClients}), so that the nodes of a
 * cluster share them.
 */
package portcullis.throttling;
