/**
 * The current time, as one injectable {@link java.time.Clock}: the system clock in production; tests running inside
 * the server replace it to move time (key rotation, throttling windows) without waiting.
 */
package portcullis.time;
