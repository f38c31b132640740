/**
 * Browser clients on other origins (CORS): an allow-list of exact origins, preflights answered before any
 * authentication, and the public key documents (JWKS, discovery) open to every origin.
 */
package portcullis.cors;
