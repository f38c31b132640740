package portcullis.revocation;

/** Where a signed, unexpired token stands with the revocations. */
public enum TokenStanding {
    /** Good for every use. */
    VALID,
    /** Its claims are no longer true (a membership was removed): good for re-authentication only. */
    OUTDATED,
    /** Logged out, revoked or its user disabled: good for nothing. */
    REVOKED
}
