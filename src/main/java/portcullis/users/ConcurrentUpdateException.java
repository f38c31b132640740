package portcullis.users;

import portcullis.errors.ApiException;

public class ConcurrentUpdateException extends ApiException {
    private static final long serialVersionUID = 1L;

    public ConcurrentUpdateException() {
        super(409, "user", "was changed by another request, try again");
    }
}
