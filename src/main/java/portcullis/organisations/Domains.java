package portcullis.organisations;

import java.net.IDN;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Organisation domains as stored and compared: lower case, without a trailing dot, internationalised names in their
 * ASCII (punycode) form, at least two labels of letters, digits and inner hyphens (RFC 1123), 253 characters at most.
 */
public final class Domains {
    private static final Pattern HOST_NAME = Pattern.compile(
            "(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+");

    private Domains() {
    }

    public static String normalise(String domain) {
        if (domain == null || domain.isBlank() || domain.length() > 253) {
            throw new InvalidDomainException();
        }
        String ascii;
        try {
            ascii = IDN.toASCII(domain.strip(), IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException notAName) {
            throw new InvalidDomainException();
        }
        if (ascii.endsWith(".")) {
            ascii = ascii.substring(0, ascii.length() - 1);
        }
        if (!HOST_NAME.matcher(ascii).matches()) {
            throw new InvalidDomainException();
        }
        return ascii;
    }
}
