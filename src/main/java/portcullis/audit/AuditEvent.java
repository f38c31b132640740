package portcullis.audit;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What happened: the {@code audit} field of an audit line. */
public enum AuditEvent {
    LOGIN,
    REAUTHENTICATION,
    EXCHANGE,
    REGISTRATION,
    THROTTLED,
    LOGOUT,
    LOGOUT_EVERYWHERE,
    PASSWORD_CHANGE,
    TOKENS_REVOKED,
    USER_DISABLED,
    USER_ENABLED,
    KEY_RETIRED_NOW,
    KEY_ROTATED,
    SESSION_REVOKED,
    INTEGRATION_ENABLED,
    INTEGRATION_DISABLED,
    ACCOUNT_DELETED,
    USER_CREATED,
    PASSWORD_SET,
    THROTTLING_LIFTED,
    ORGANISATION_CREATED,
    ORGANISATION_CHANGED,
    ORGANISATION_DELETED,
    MEMBERSHIP_ADDED,
    MEMBERSHIP_REMOVED,
    INTEGRATION_CREATED,
    INTEGRATION_CHANGED,
    INTEGRATION_DELETED,
    ADMINISTRATOR_GRANTED,
    ADMINISTRATOR_REVOKED;

    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The event with this label, if any. */
    public static Optional<AuditEvent> ofLabel(String label) {
        return Arrays.stream(values()).filter(event -> event.label().equals(label)).findFirst();
    }
}
