/**
 * Federation: a token of a trusted identity provider (Keycloak, Entra ID, ADFS, Okta…) exchanged for a Portcullis
 * token (OAuth 2.0 Token Exchange, RFC 8693), checked as strictly as Portcullis checks its own, never twice; the person
 * signs in to a shadow account with the same group mapping as directory users. Off unless
 * {@code portcullis.federation.providers} names a provider.
 */
package portcullis.federation;
