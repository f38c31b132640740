package portcullis.shadowaccounts;

import portcullis.errors.ApiException;

/**
 * 409: the email an outside identity brings already belongs to another account. Never linked by email alone: that
 * would let whoever controls the outside record take over the account.
 */
public class ManagedAccountConflictException extends ApiException {
    private static final long serialVersionUID = 1L;

    ManagedAccountConflictException() {
        super(409, "email", "belongs to another Portcullis account; an administrator must remove or rename it first");
    }
}
