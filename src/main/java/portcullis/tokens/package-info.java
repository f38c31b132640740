/**
 * Signed JWTs: {@link portcullis.tokens.TokenIssuer} signs them, {@link portcullis.tokens.TokenVerifier} checks them,
 * and {@link portcullis.tokens.TokenFilter} puts the verified caller into the JAX-RS {@code SecurityContext}.
 */
package portcullis.tokens;
