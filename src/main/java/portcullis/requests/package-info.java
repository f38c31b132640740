/**
 * HTTP hygiene shared by every endpoint: who is calling (the client address, through trusted proxies), how big a body
 * may be, and the headers and status lines every answer carries.
 */
package portcullis.requests;
