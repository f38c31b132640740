package portcullis.errors;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.IdentityHashMap;
import java.util.Map;
import javax.transaction.xa.XAException;

/** Whether a failure comes from the database being unreachable, rather than from a fault in Portcullis. */
final class DatabaseOutage {

    private DatabaseOutage() {
    }

    static boolean caused(Throwable failure) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable cause = failure; cause != null && seen.put(cause, true) == null; cause = cause.getCause()) {
            if (cause instanceof ConnectException
                    // a commit the database could not complete: the transaction manager reports the resource
                    // manager's failure as an XAException (its message naming the lost connection, no cause)
                    || cause instanceof XAException
                    || cause instanceof SQLTransientConnectionException
                    || cause instanceof SQLNonTransientConnectionException
                    || cause.getClass().getName().startsWith("jakarta.resource.")
                    || cause instanceof SQLException sql && lostConnection(sql)) {
                return true;
            }
        }
        return false;
    }

    private static boolean lostConnection(SQLException failure) {
        String state = failure.getSQLState();
        // 08: connection exception (SQL standard); 57P: PostgreSQL shutting down or not accepting connections yet
        return state != null && (state.startsWith("08") || state.startsWith("57P"))
                || String.valueOf(failure.getMessage()).contains("allocating a connection");
    }
}
