/**
 * Who is calling: the client address (believed from a forwarding header only when the proxy that wrote it is
 * trusted) and the client's {@code User-Agent}, as sessions, throttling and audit record them.
 */
package portcullis.callers;
