package portcullis.throttling;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

/** An account's throttling state: failed logins counted, whether it must wait, and for how many seconds. */
@JsonbPropertyOrder({"failures", "locked", "retryAfter"})
public record AccountThrottling(int failures, boolean locked, long retryAfter) {
}
