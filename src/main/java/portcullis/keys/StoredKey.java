package portcullis.keys;

import com.nimbusds.jose.jwk.JWK;

/** A signing key as read from the store: the key pair and its status. */
record StoredKey(JWK jwk, KeyStatus status) {
}
