package portcullis.benchmark;

import jakarta.json.Json;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import portcullis.http.Api;
import portcullis.servers.Slapd;

/**
 * How long the refusals of a login take on a server with a directory (unknown name, wrong password, disabled
 * person, and a local account's wrong password), and a
 * successful directory login against a local one: medians of sequential logins, the kinds interleaved so that the
 * machine's drift touches them alike.
 */
final class DirectoryTiming {
    static final String PASSWORD = "Wonderland-Rabbit-42";

    enum Kind { UNKNOWN, WRONG_PASSWORD, DISABLED, LOCAL_WRONG_PASSWORD, DIRECTORY_SUCCESS, LOCAL_SUCCESS }

    private DirectoryTiming() {
    }

    /** The system properties that point a server at {@code slapd} (and let it take many failed logins). */
    static Map<String, String> settings(Slapd slapd) {
        return Map.of(
                "portcullis.throttling.account-failures", "1000000",
                "portcullis.throttling.address-failures", "1000000",
                "portcullis.directory.urls", slapd.ldapsUrl(),
                "portcullis.directory.bind-dn", Slapd.ROOT_DN,
                "portcullis.directory.bind-password", Slapd.ROOT_PASSWORD,
                "portcullis.directory.user-base", Slapd.SUFFIX,
                "portcullis.directory.trust-store", slapd.trustStore().toString(),
                "portcullis.directory.trust-store-password", Slapd.TRUST_STORE_PASSWORD,
                "portcullis.directory.group-roles", "engineers=developer",
                "portcullis.directory.group-organisations", "engineers=corp.example");
    }

    /** Median milliseconds per kind over {@code rounds} rounds; {@code localEmail} has the local password given. */
    static Map<Kind, Double> medians(Api api, int rounds, String localEmail, String localPassword) {
        Map<Kind, List<Double>> times = new EnumMap<>(Kind.class);
        for (int round = 0; round < rounds; round++) {
            time(api, times, Kind.UNKNOWN, "nobody-" + round + "@corp.example", PASSWORD, 401);
            time(api, times, Kind.WRONG_PASSWORD, "bob", "Wrong-Password-" + round, 401);
            time(api, times, Kind.DISABLED, "carol", PASSWORD, 401);
            time(api, times, Kind.LOCAL_WRONG_PASSWORD, localEmail, "Wrong-Password-" + round, 401);
            time(api, times, Kind.DIRECTORY_SUCCESS, "bob", PASSWORD, 200);
            time(api, times, Kind.LOCAL_SUCCESS, localEmail, localPassword, 200);
        }
        Map<Kind, Double> medians = new EnumMap<>(Kind.class);
        times.forEach((kind, list) -> {
            Collections.sort(list);
            medians.put(kind, list.get(list.size() / 2));
        });
        return medians;
    }

    private static void time(Api api, Map<Kind, List<Double>> times, Kind kind, String login, String password,
            int expected) {
        String body = Json.createObjectBuilder().add("user", Json.createObjectBuilder().add("email", login)
                .add("password", password)).build().toString();
        long started = System.nanoTime();
        int status = api.post("users/login", body).status();
        double millis = (System.nanoTime() - started) / 1e6;
        if (status != expected) {
            throw new IllegalStateException(kind + " answered " + status + ", not " + expected);
        }
        times.computeIfAbsent(kind, k -> new ArrayList<>()).add(millis);
    }
}
