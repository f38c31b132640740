package portcullis.users;

import jakarta.ejb.ApplicationException;

/** A write lost to a concurrent one on a unique column; resolved by {@link Users} into the answer for the client. */
@ApplicationException(rollback = true)
class UniqueKeyConflict extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UniqueKeyConflict() {
        super(null, null, false, false);
    }
}
