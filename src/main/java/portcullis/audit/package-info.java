/**
 * The audit log: one structured line per security event, for operators to ship to their log system, and the same
 * record stored in the database (kept for a configurable retention) for administrators to search.
 */
package portcullis.audit;
