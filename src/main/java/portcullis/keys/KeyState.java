package portcullis.keys;

/** Where a signing key is in its life: published before it signs, published after it stops signing. */
public enum KeyState {
    /** Published in the JWKS, not yet signing: verifiers learn it before the first token it signs. */
    NEXT,
    /** Signs new tokens. */
    ACTIVE,
    /** Signs nothing; published until the last token it signed has expired. */
    RETIRED
}
