/**
 * What operations watch: logins by outcome, tokens issued, verified and refused, throttled attempts, revocations,
 * and the time logins and token checks take, as MicroProfile Metrics where the server has them.
 */
package portcullis.metrics;
