package portcullis.users;

import jakarta.ejb.ApplicationException;

/**
 * A write lost to a concurrent one on a unique column; resolved by {@link Users} (and shadow accounts) into the answer
 * for the client.
 */
@ApplicationException(rollback = true)
public class UniqueKeyConflict extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UniqueKeyConflict() {
        super(null, null, false, false);
    }
}
