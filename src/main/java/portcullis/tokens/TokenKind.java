package portcullis.tokens;

import java.util.Locale;

/** Why a token was issued: recorded with it and shown among the user's sessions. */
public enum TokenKind {
    /** A login with a password (and a registration, which logs the new user in). */
    LOGIN,
    /** A fresh token for the holder of a valid one (re-authentication, a changed profile). */
    REAUTHENTICATION,
    /** A token exchanged for an identity provider's (federation). */
    EXCHANGE,
    /** A token for a third-party service the user enabled: its audience is that service. */
    INTEGRATION;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
