package portcullis.benchmark;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.util.Date;
import org.mindrot.jbcrypt.BCrypt;

/** The raw per-operation costs the HTTP figures are divided by, measured on one core in this JVM. */
record InProcessCosts(double bcryptChecksPerSecond, double rs256SignMicros, double rs256VerifyMicros) {

    static InProcessCosts measure(int bcryptCost, boolean smoke) throws Exception {
        double bcryptRate = bcryptChecksPerSecond(bcryptCost, smoke ? 3 : 20);
        long start = System.nanoTime();

        RSAKey key = new RSAKeyGenerator(2048).generate();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().subject("1").issuer("bench").expirationTime(new Date()).build();
        int signs = smoke ? 200 : 2_000;
        int verifies = smoke ? 2_000 : 50_000;
        SignedJWT jwt = null;
        for (int round = 0; round < 2; round++) { // the first round warms up
            start = System.nanoTime();
            for (int i = 0; i < signs; i++) {
                jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).build(), claims);
                jwt.sign(new RSASSASigner(key));
            }
        }
        double signMicros = (System.nanoTime() - start) / 1e3 / signs;
        RSASSAVerifier verifier = new RSASSAVerifier(key.toRSAPublicKey());
        boolean valid = true;
        for (int round = 0; round < 2; round++) {
            start = System.nanoTime();
            for (int i = 0; i < verifies; i++) {
                valid &= jwt.verify(verifier);
            }
        }
        double verifyMicros = (System.nanoTime() - start) / 1e3 / verifies;
        if (!valid) {
            throw new IllegalStateException("RS256 verification failed");
        }
        return new InProcessCosts(bcryptRate, signMicros, verifyMicros);
    }

    /** jBCrypt {@code checkpw} calls per second at {@code cost}, on one core (after one to warm up). */
    static double bcryptChecksPerSecond(int cost, int checks) {
        String hash = BCrypt.hashpw("benchmark password", BCrypt.gensalt(cost));
        BCrypt.checkpw("benchmark password", hash);
        long start = System.nanoTime();
        for (int i = 0; i < checks; i++) {
            BCrypt.checkpw("benchmark password", hash);
        }
        return checks / ((System.nanoTime() - start) / 1e9);
    }
}
