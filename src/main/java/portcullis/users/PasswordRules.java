package portcullis.users;

import com.nulabinc.zxcvbn.Zxcvbn;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What a new password must be (OWASP ASVS 2.1): long enough counted in characters (any Unicode), not the user's own
 * email or username, and not common or easy to guess, as judged by zxcvbn with its shipped lists of common passwords,
 * names and words, and the user's own email and username.
 */
@ApplicationScoped
public class PasswordRules {

    @Inject
    @ConfigProperty(name = "portcullis.users.password-min-length")
    int minLength;

    @Inject
    @ConfigProperty(name = "portcullis.users.password-min-strength")
    int minStrength;

    // Building one loads zxcvbn's dictionaries (12 ms); measuring with a built one takes 0.5 ms and keeps no state
    // between calls (each call makes its own matcher), so one instance serves every request.
    private final Zxcvbn zxcvbn = new Zxcvbn();

    void check(String password, String email, String username) {
        if (password.codePointCount(0, password.length()) < minLength) {
            throw new WeakPasswordException("is too short (minimum is " + minLength + " characters)");
        }
        String folded = password.strip().toLowerCase(Locale.ROOT);
        String localPart = email.substring(0, Math.max(0, email.indexOf('@')));
        if (folded.equals(User.normalizeEmail(email)) || folded.equals(username.strip().toLowerCase(Locale.ROOT))
                || folded.equals(localPart.toLowerCase(Locale.ROOT))) {
            throw new WeakPasswordException("must not be your email or username");
        }
        if (zxcvbn.measure(password, List.of(email, username, localPart)).getScore() < minStrength) {
            throw new WeakPasswordException("is too common or too easy to guess");
        }
    }
}
