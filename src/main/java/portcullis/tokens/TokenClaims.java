package portcullis.tokens;

import java.util.Map;

/**
 * Claims another feature adds to every token of a subject (the organisations' {@code belongsTo}): the issuer asks
 * every bean implementing it, so that it needs to know none of them. Registered claims cannot be overridden.
 */
public interface TokenClaims {

    Map<String, Object> claimsFor(String subject);
}
