package portcullis.users;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.text.Normalizer;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.mindrot.jbcrypt.BCrypt;

/**
 * Password hashing, versioned. {@code v2} (current): the password is NFKC-normalised, then HMAC-SHA256'd under a
 * fixed label and base64-encoded, then bcrypt'd at the configured cost. bcrypt alone reads only the first 72 bytes,
 * so a long (or non-ASCII) password would otherwise be silently truncated; the HMAC label keeps the stored value
 * from being tested against leaked plain SHA-256 hashes. {@code v1}: plain bcrypt, hashes from before the scheme had
 * a version; still accepted, and replaced at the next successful login.
 */
@ApplicationScoped
public class PasswordHasher {
    static final String V2 = "v2$";
    private static final byte[] V2_LABEL = "portcullis.password.v2".getBytes(StandardCharsets.UTF_8);

    @Inject
    @ConfigProperty(name = "portcullis.users.bcrypt-cost")
    int cost;

    private String unmatchableHash;

    @PostConstruct
    void validateCost() {
        if (cost < 4 || cost > 31) {
            throw new IllegalStateException("portcullis.users.bcrypt-cost must be between 4 and 31, is " + cost);
        }
        unmatchableHash = hash(UUID.randomUUID().toString());
    }

    public String hash(String password) {
        return V2 + BCrypt.hashpw(prehash(password), BCrypt.gensalt(cost));
    }

    boolean matches(String candidate, String stored) {
        if (stored.startsWith(V2)) {
            return BCrypt.checkpw(prehash(candidate), stored.substring(V2.length()));
        }
        return BCrypt.checkpw(candidate, stored);
    }

    /** Whether a stored hash is of an older scheme or another cost than configured. */
    boolean needsRehash(String stored) {
        String bcrypt = stored.startsWith(V2) ? stored.substring(V2.length()) : stored;
        return !stored.startsWith(V2) || Integer.parseInt(bcrypt.substring(4, 6)) != cost; // "$2a$12$..."
    }

    /**
     * Does the work of one password check that cannot succeed, so that a login for an unknown email takes as long as
     * one with a wrong password and response times do not reveal which emails exist.
     */
    public void matchNothing(String candidate) {
        matches(candidate, unmatchableHash);
    }

    private static String prehash(String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(V2_LABEL, "HmacSHA256"));
            byte[] digest = mac.doFinal(
                    Normalizer.normalize(password, Normalizer.Form.NFKC).getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }
}
