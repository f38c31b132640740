package portcullis.federation;

import java.util.List;
import java.util.Map;

/**
 * The types and ranges of a provider token's registered claims, checked on the raw JSON before any library reads
 * them: {@code sub} a string, {@code exp} and {@code iat} (and {@code nbf}, when present) numbers between 1970 and
 * the year 9999, {@code aud} (when present: its absence is refused as not for Portcullis) a string or a list of
 * strings, {@code jti} a string. A null where a value belongs, a
 * number where a string belongs, or a date of 2^62 seconds (which wraps into 1970 when made milliseconds) is a
 * token Portcullis refuses, not one it guesses at.
 */
final class ProviderClaimShapes {
    /** 9999-12-31T23:59:59Z: no real token lives past it, and seconds up to it cannot overflow as milliseconds. */
    private static final double LATEST_DATE = 253_402_300_799d;

    private ProviderClaimShapes() {
    }

    static void check(Map<String, Object> claims) {
        if (!(claims.get("sub") instanceof String)) {
            throw refused("sub", "a string");
        }
        date(claims, "exp", true);
        date(claims, "iat", true);
        date(claims, "nbf", false);
        Object audience = claims.get("aud");
        if (audience != null && !(audience instanceof String) && !(audience instanceof List<?> many
                && !many.isEmpty() && many.stream().allMatch(String.class::isInstance))) {
            throw refused("aud", "a string or a list of strings");
        }
        if (claims.containsKey("jti") && !(claims.get("jti") instanceof String)) {
            throw refused("jti", "a string");
        }
    }

    private static void date(Map<String, Object> claims, String name, boolean required) {
        if (!claims.containsKey(name) && !required) {
            return;
        }
        if (!(claims.get(name) instanceof Number number) || !Double.isFinite(number.doubleValue())
                || number.doubleValue() < 0 || number.doubleValue() > LATEST_DATE) {
            throw refused(name, "a date (seconds since 1970, before the year 10000)");
        }
    }

    private static ProviderTokenRefusedException refused(String claim, String what) {
        return new ProviderTokenRefusedException("has a " + claim + " that is not " + what);
    }
}
