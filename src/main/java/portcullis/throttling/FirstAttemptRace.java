package portcullis.throttling;

import jakarta.ejb.ApplicationException;

/** Another node created the same counter at the same moment; the attempt is counted again on its row. */
@ApplicationException(rollback = true)
class FirstAttemptRace extends RuntimeException {
    private static final long serialVersionUID = 1L;

    FirstAttemptRace() {
        super(null, null, false, false);
    }
}
