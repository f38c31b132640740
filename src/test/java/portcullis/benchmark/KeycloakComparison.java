package portcullis.benchmark;

import static portcullis.fixtures.TestUsers.conduitLogin;

import jakarta.json.JsonObject;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import portcullis.fixtures.TestUsers;
import portcullis.http.Api;
import portcullis.http.Reply;
import portcullis.servers.Keycloak;
import portcullis.servers.PayaraMicroProcess;

/**
 * K1–K5: Portcullis beside Keycloak, the system an estate would pick instead. Keycloak runs in production mode
 * ({@code kc.sh build}, then {@code start --optimized}, dev-file database), both JVMs at {@code -Xmx512m}; each
 * login uses the cheapest hash both offer (bcrypt cost 4; Keycloak's {@code pbkdf2-sha256} with 1 iteration, set by
 * the realm's password policy); loads alternate between the two servers.
 */
final class KeycloakComparison {
    private static final String REALM = "bench";
    private static final String CLIENT = "bench-app";
    private static final String USERNAME = "bench";

    private final Wrk wrk;
    private final Benchmark.Loads loads;
    private final Duration measure;
    private final boolean smoke;
    private final Path work;
    private final List<Figure> figures = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    KeycloakComparison(Wrk wrk, Benchmark.Loads loads, Duration measure, boolean smoke, Path work) {
        this.wrk = wrk;
        this.loads = loads;
        this.measure = measure;
        this.smoke = smoke;
        this.work = work;
    }

    List<Figure> figures() {
        return figures;
    }

    List<String> notes() {
        return notes;
    }

    /** Runs K1–K5; answers the median start-up of Portcullis (launch to first login), for P4. */
    double run(Path war, Map<String, String> systemProperties, ClassDataSharing sharing) throws Exception {
        Map<String, String> cheapest = new java.util.HashMap<>(systemProperties);
        cheapest.put("portcullis.users.bcrypt-cost", "4");
        Path data = Files.createTempDirectory(work, "k-data-");
        TestUsers.Registered user;
        try (PayaraMicroProcess setup = PayaraMicroProcess.start(war, data, "bench-k-setup", cheapest, "api/user",
                sharing.launch())) {
            user = TestUsers.register(new Api(setup.base()));
        }
        Path keycloakHome = work.resolve("keycloak");
        Keycloak.startOptimized(keycloakHome, "benchmark/bench-realm.json").close(); // build, import the realm

        List<Double> portcullisStarts = new ArrayList<>();
        List<Double> keycloakStarts = new ArrayList<>();
        List<Double> portcullisIdle = new ArrayList<>();
        List<Double> keycloakIdle = new ArrayList<>();
        PayaraMicroProcess portcullis = null;
        Keycloak keycloak = null;
        int starts = smoke ? 1 : 3;
        try {
            for (int start = 0; start < starts; start++) { // alternated; the last of each stays up for the loads
                Instant launched = Instant.now();
                portcullis = PayaraMicroProcess.start(war, data, "bench-k-portcullis", cheapest, "api/user",
                        sharing.launch());
                Api api = new Api(portcullis.base());
                while (api.post("users/login", conduitLogin(user.email(), user.password())).status() != 200) {
                    Thread.sleep(20);
                }
                portcullisStarts.add((double) Duration.between(launched, Instant.now()).toMillis());
                portcullisIdle.add(idleKib(portcullis.pid()));
                if (start < starts - 1) {
                    portcullis.close();
                }

                launched = Instant.now();
                keycloak = Keycloak.startOptimized(keycloakHome);
                while (!keycloakLogin(keycloak)) {
                    Thread.sleep(20);
                }
                keycloakStarts.add((double) Duration.between(launched, Instant.now()).toMillis());
                keycloakIdle.add(idleKib(keycloak.javaPid()));
                if (start < starts - 1) {
                    keycloak.close();
                }
            }
            notes.add("K1 start-ups, ms: Portcullis " + portcullisStarts + ", Keycloak " + keycloakStarts);
            notes.add("K2 idle resident memory, KiB: Portcullis " + portcullisIdle + ", Keycloak " + keycloakIdle);
            figures.add(Figure.atMost("K1", "start-up, launch to first successful login, Portcullis ÷ Keycloak"
                    + " (median of " + starts + ")", median(portcullisStarts) / median(keycloakStarts), 0.7));
            figures.add(Figure.atMost("K2", "resident memory idle after start-up, Portcullis ÷ Keycloak (median)",
                    median(portcullisIdle) / median(keycloakIdle), 0.7));

            String root = "http://localhost:" + portcullis.base().getPort();
            String realm = keycloak.base() + "/realms/" + REALM + "/protocol/openid-connect";
            String passwordGrant = "grant_type=password&client_id=" + CLIENT + "&username=" + USERNAME
                    + "&password=" + Keycloak.PASSWORD + "&scope=openid";
            Wrk.Result portcullisLogins = loads.run(() -> wrk.postJson("login, bcrypt cost 4 (Portcullis)",
                    root + "/api/users/login", conduitLogin(user.email(), user.password()), measure, 4));
            Wrk.Result keycloakLogins = loads.run(() -> wrk.postForm("login, pbkdf2-sha256 1 iteration (Keycloak)",
                    realm + "/token", passwordGrant, measure, 4));
            figures.add(Figure.atLeast("K3", "login throughput with the cheapest hash on both, Portcullis ÷ Keycloak",
                    portcullisLogins.requestsPerSecond() / keycloakLogins.requestsPerSecond(), 6.0));

            Reply portcullisAnswer = new Api(portcullis.base()).post("users/login",
                    conduitLogin(user.email(), user.password()));
            String portcullisToken = portcullisAnswer.user().getString("token");
            String keycloakAnswer = keycloak.tokenResponse(keycloak.base(), REALM, CLIENT, USERNAME);
            String keycloakToken = jakarta.json.Json.createReader(new java.io.StringReader(keycloakAnswer))
                    .readObject().getString("access_token");
            List<Double> ratios = new ArrayList<>();
            long portcullisPeak = 0;
            long keycloakPeak = 0;
            for (int round = 0; round < (smoke ? 1 : 2); round++) {
                MemorySampler portcullisMemory = new MemorySampler(portcullis.pid());
                Wrk.Result userRead = loads.run(() -> wrk.get("GET /api/user with a token (Portcullis)",
                        root + "/api/user", measure, 32, "Authorization", "Token " + portcullisToken));
                portcullisPeak = Math.max(portcullisPeak, portcullisMemory.stop());
                MemorySampler keycloakMemory = new MemorySampler(keycloak.javaPid());
                Wrk.Result userinfo = loads.run(() -> wrk.get("GET userinfo with an access token (Keycloak)",
                        realm + "/userinfo", measure, 32, "Authorization", "Bearer " + keycloakToken));
                keycloakPeak = Math.max(keycloakPeak, keycloakMemory.stop());
                ratios.add(userRead.requestsPerSecond() / userinfo.requestsPerSecond());
            }
            figures.add(Figure.atLeast("K4", "token check: GET /api/user ÷ Keycloak's userinfo, 32 connections"
                    + " (the last round)", ratios.get(ratios.size() - 1), 3.0));
            notes.add("K2 peak resident memory under the K4 loads, KiB: Portcullis " + portcullisPeak
                    + ", Keycloak " + keycloakPeak);
            figures.add(Figure.atMost("K2", "peak resident memory under the token-check load, Portcullis ÷ Keycloak",
                    (double) portcullisPeak / keycloakPeak, 0.7));

            notes.add("K5 bytes: Portcullis token " + portcullisToken.length() + ", login answer "
                    + portcullisAnswer.body().length() + "; Keycloak access token " + keycloakToken.length()
                    + ", token answer " + keycloakAnswer.length());
            figures.add(Figure.atMost("K5", "token bytes, Portcullis ÷ Keycloak's access token",
                    (double) portcullisToken.length() / keycloakToken.length(), 0.6));
            figures.add(Figure.reported("K5", "login answer bytes, Portcullis (Conduit) ÷ Keycloak's token answer",
                    (double) portcullisAnswer.body().length() / keycloakAnswer.length()));
            return median(portcullisStarts);
        } finally {
            if (portcullis != null) {
                portcullis.close();
            }
            if (keycloak != null) {
                keycloak.close();
            }
        }
    }

    private static boolean keycloakLogin(Keycloak keycloak) {
        try {
            keycloak.tokenResponse(keycloak.base(), REALM, CLIENT, USERNAME);
            return true;
        } catch (IllegalStateException | java.io.UncheckedIOException notYet) {
            return false;
        }
    }

    /** Resident memory a few seconds after the first login, once start-up's threads have settled. */
    private static double idleKib(long pid) throws Exception {
        Thread.sleep(5_000);
        MemorySampler sampler = new MemorySampler(pid);
        Thread.sleep(300);
        return sampler.stop();
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }
}
