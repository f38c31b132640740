package portcullis.users;

import portcullis.errors.ApiException;

/** 422: this account's password (or email) is kept by the directory, and changed there. */
public class ManagedElsewhereException extends ApiException {
    private static final long serialVersionUID = 1L;

    ManagedElsewhereException(String field, String managedBy) {
        super(422, field, "is managed by the " + managedBy + "; change it there");
    }
}
