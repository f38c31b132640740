package portcullis.keys;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Seals private keys at rest with AES-256-GCM when {@code portcullis.keys.encryption-secret} is set: a copy of the
 * database alone then does not let anyone sign tokens. The AES key is derived from the secret with PBKDF2; the
 * key id is the associated data, so a sealed key cannot be swapped into another row. Without a secret, keys are
 * stored as plain JWKs (the embedded default) and are only as safe as the database files.
 */
@ApplicationScoped
public class KeyEncryption {
    static final String SEALED_PREFIX = "aes256gcm:v1:";
    private static final byte[] SALT = "portcullis.keys.v1".getBytes(StandardCharsets.UTF_8);
    private static final int ITERATIONS = 210_000; // OWASP's 2023 figure for PBKDF2-HMAC-SHA256
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    @Inject
    @ConfigProperty(name = "portcullis.keys.encryption-secret")
    Optional<String> secret;

    private final SecureRandom random = new SecureRandom();
    private SecretKey key;

    @PostConstruct
    void deriveKey() {
        secret.filter(value -> !value.isBlank()).ifPresent(value -> key = derive(value));
    }

    String seal(String kid, String jwk) {
        if (key == null) {
            return jwk;
        }
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        byte[] sealed = crypt(Cipher.ENCRYPT_MODE, iv, kid, jwk.getBytes(StandardCharsets.UTF_8));
        return SEALED_PREFIX + Base64.getEncoder().encodeToString(
                ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
    }

    String open(String kid, String stored) {
        if (!stored.startsWith(SEALED_PREFIX)) {
            return stored; // stored before a secret was configured; sealed keys come with the next rotation
        }
        if (key == null) {
            throw new IllegalStateException("Signing key " + kid
                    + " is encrypted, but portcullis.keys.encryption-secret is not set");
        }
        ByteBuffer sealed = ByteBuffer.wrap(Base64.getDecoder().decode(stored.substring(SEALED_PREFIX.length())));
        byte[] iv = new byte[IV_BYTES];
        sealed.get(iv);
        byte[] ciphertext = new byte[sealed.remaining()];
        sealed.get(ciphertext);
        return new String(crypt(Cipher.DECRYPT_MODE, iv, kid, ciphertext), StandardCharsets.UTF_8);
    }

    private byte[] crypt(int mode, byte[] iv, String kid, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(kid.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            // A wrong secret fails the GCM tag check; the message names the key, never the secret.
            throw new IllegalStateException("Cannot " + (mode == Cipher.ENCRYPT_MODE ? "seal" : "open")
                    + " signing key " + kid + ": wrong portcullis.keys.encryption-secret?", e);
        }
    }

    private static SecretKey derive(String secret) {
        try {
            byte[] bytes = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(new PBEKeySpec(secret.toCharArray(), SALT, ITERATIONS, 256))
                    .getEncoded();
            return new SecretKeySpec(bytes, "AES");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot derive the key encryption key", e);
        }
    }
}
