/** The audit log: one structured line per security event, for operators to ship to their log system. */
package portcullis.audit;
