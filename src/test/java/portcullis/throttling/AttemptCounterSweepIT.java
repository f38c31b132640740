package portcullis.throttling;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.Map;
import org.junit.jupiter.api.Test;
import portcullis.fixtures.Deployments;
import portcullis.fixtures.TestDatabase;
import portcullis.fixtures.TestUsers;
import portcullis.http.Api;
import portcullis.http.RawHttp;
import portcullis.servers.OwnServers;
import portcullis.servers.PayaraMicroProcess;

/**
 * Attempt counts live in the database, one row per account or address: the sweep deletes rows idle for longer than
 * the longest window, so that spraying keys cannot fill the table. Windows and sweep shortened to a second here.
 */
@OwnServers
public class AttemptCounterSweepIT {

    @Test
    public void countersIdleForLongerThanEveryWindowAreDeleted() throws Exception {
        Path data = Files.createTempDirectory(Path.of(System.getProperty("portcullis.target", "target")), "sweep-");
        try (PayaraMicroProcess server = PayaraMicroProcess.start(Deployments.BUILT_WAR.toPath(), data, "sweep-it",
                Map.of("portcullis.throttling.failure-window", "PT1S",
                        "portcullis.throttling.rate-window", "PT1S",
                        "portcullis.throttling.sweep-interval", "PT1S"), "api/user")) {
            for (int i = 0; i < 5; i++) {
                RawHttp client = new RawHttp(server.base(), RawHttp.freshLoopbackAddress());
                assertEquals(401, client.post("users/login", Api.JSON,
                        TestUsers.conduitLogin("sprayed-" + i + "@example.com", "wrong-password")).status());
            }
            Thread.sleep(4000); // the rows are idle past the 1 s windows; the 1 s sweep has run since
        }
        try (Connection connection = TestDatabase.open(data);
                ResultSet rows = connection.createStatement().executeQuery("SELECT COUNT(*) FROM attempt_counters")) {
            rows.next();
            assertEquals(0, rows.getInt(1), "idle attempt counters were not swept");
        } finally {
            TestDatabase.release(data);
        }
    }
}
