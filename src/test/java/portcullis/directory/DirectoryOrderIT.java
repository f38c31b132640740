package portcullis.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import portcullis.fixtures.TestUsers;
import portcullis.http.Api;
import portcullis.http.Reply;
import portcullis.servers.Neighbour;
import portcullis.servers.SharedServer;
import portcullis.servers.Slapd;

/**
 * {@code portcullis.directory.order=directory-first}: the directory decides every name it knows (a local password
 * for such a name is not tried), names it does not know fall back to local passwords, and so does every local
 * account while the directory is down.
 */
@Tag("database-independent")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@SharedServer(configuredBy = "configuration")
public class DirectoryOrderIT {
    private static final String LOCAL_ONLY = "only-local@local.example";
    @RegisterExtension
    static final Neighbour<Slapd> DIRECTORY = Neighbour.of(() -> Slapd.start("directory-order-it",
            "directory/people.ldif"));

    Api api;

    static List<String> configuration() {
        List<String> lines = new ArrayList<>(List.of("portcullis.users.bcrypt-cost=4",
                "portcullis.directory.order=directory-first", "portcullis.directory.connect-timeout=PT1S",
                "portcullis.directory.read-timeout=PT2S"));
        lines.addAll(DIRECTORY.get().portcullisSettings(DIRECTORY.get().ldapsUrl()));
        return lines;
    }

    private Reply login(String name, String password) {
        return api.post("users/login", Json.createObjectBuilder().add("user", Json.createObjectBuilder()
                .add("email", name).add("password", password)).build().toString());
    }

    @Test
    @Order(1)
    void theDirectoryDecidesTheNamesItKnowsAndLocalPasswordsServeTheRest() {
        TestUsers.register(api, LOCAL_ONLY, "only_local", TestUsers.STRONG_PASSWORD);
        TestUsers.register(api, "frank@local.example", "frank_local", TestUsers.STRONG_PASSWORD);

        assertEquals(200, login(LOCAL_ONLY, TestUsers.STRONG_PASSWORD).status(), "unknown to the directory: local");
        assertEquals(200, login("alice", DirectoryIT.PASSWORD).status());
        assertEquals(401, login("frank@local.example", TestUsers.STRONG_PASSWORD).status(),
                "the directory knows frank@local.example: his local password is not tried");
        assertEquals(409, login("frank@local.example", DirectoryIT.PASSWORD).status(),
                "and the directory's frank never takes over the local account");
    }

    @Test
    @Order(2)
    void whileTheDirectoryIsDownLocalPasswordsStillWork() {
        DIRECTORY.get().stop();
        try {
            assertEquals(200, login(LOCAL_ONLY, TestUsers.STRONG_PASSWORD).status());
            assertEquals(200, login("frank@local.example", TestUsers.STRONG_PASSWORD).status());
            Reply directoryUser = login("alice", DirectoryIT.PASSWORD);
            assertEquals(503, directoryUser.status(), directoryUser::toString);
        } finally {
            DIRECTORY.get().startProcess();
        }
        assertEquals(200, login("alice", DirectoryIT.PASSWORD).status(), "back by itself");
    }
}
