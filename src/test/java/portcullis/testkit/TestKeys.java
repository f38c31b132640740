package portcullis.testkit;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The test issuer's RSA keys as Portcullis keeps its own: one signs, the next is already published (so that a
 * verifier that cached the key set knows it before its first token), retired keys stay published until dropped.
 * Key ids are RFC 7638 thumbprints, as Portcullis's.
 */
final class TestKeys {
    private final List<RSAKey> retired = new ArrayList<>();
    private RSAKey active;
    private RSAKey next;

    TestKeys() {
        this(generate(), generate());
    }

    private TestKeys(RSAKey active, RSAKey next) {
        this.active = active;
        this.next = next;
    }

    static RSAKey generate() {
        try {
            RSAKey key = new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256).generate();
            return new RSAKey.Builder(key).keyIDFromThumbprint().build();
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot generate an RSA key", e);
        }
    }

    synchronized RSAKey active() {
        return active;
    }

    /** The next key signs from now on; the old one stays published; a new next key is published. */
    synchronized void rotate() {
        retired.add(active);
        active = next;
        next = generate();
    }

    /** Stops publishing retired keys: their tokens are refused once a verifier reloads the key set. */
    synchronized void dropRetired() {
        retired.clear();
    }

    /** The public keys a verifier may accept: next, active, retired. */
    synchronized JWKSet published() {
        List<JWK> keys = new ArrayList<>();
        keys.add(next.toPublicJWK());
        keys.add(active.toPublicJWK());
        retired.forEach(key -> keys.add(key.toPublicJWK()));
        return new JWKSet(keys);
    }

    /** Every key with its private part, for a copy of the issuer inside the server under test. */
    synchronized String toPrivateJson() {
        List<JWK> keys = new ArrayList<>(List.of(active, next));
        keys.addAll(retired);
        return new JWKSet(keys).toString(false);
    }

    static TestKeys fromPrivateJson(String json) {
        try {
            List<JWK> keys = JWKSet.parse(json).getKeys();
            TestKeys restored = new TestKeys(keys.get(0).toRSAKey(), keys.get(1).toRSAKey());
            keys.stream().skip(2).forEach(key -> restored.retired.add(key.toRSAKey()));
            return restored;
        } catch (ParseException e) {
            throw new IllegalStateException("Not the test kit's keys", e);
        }
    }
}
