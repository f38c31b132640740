package portcullis.audit;

import java.util.Locale;

/** What happened: the {@code audit} field of an audit line. */
public enum AuditEvent {
    LOGIN,
    REAUTHENTICATION,
    REGISTRATION,
    THROTTLED,
    LOGOUT,
    LOGOUT_EVERYWHERE,
    PASSWORD_CHANGE,
    TOKENS_REVOKED,
    USER_DISABLED,
    USER_ENABLED,
    KEY_RETIRED_NOW;

    String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
