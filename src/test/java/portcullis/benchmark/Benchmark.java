package portcullis.benchmark;

import static portcullis.fixtures.TestUsers.conduitLogin;
import static portcullis.fixtures.TestUsers.edumapsLogin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import portcullis.estate.ResourceServerApplication;
import portcullis.estate.WhoAmIResource;
import portcullis.fixtures.Deployments;
import portcullis.fixtures.TestUsers;
import portcullis.http.Api;
import portcullis.servers.PayaraMicroProcess;
import portcullis.servers.Slapd;

/**
 * The benchmark: {@code mvn -Pbenchmark verify} (full, ~35 min) or with {@code -Dbenchmark.smoke=true} (CI, ~4 min,
 * checks only that every figure is produced). Servers run as the run command runs them (same Payara Micro options,
 * -Xmx512m); wrk runs on the same 2 cores, so figures are ratios taken in one run.
 */
public final class Benchmark {
    private static final int CORES = Runtime.getRuntime().availableProcessors();
    /** Portcullis runs with CORS on for this origin, as an estate with a browser app would (figure F1). */
    private static final String BROWSER_APP = "https://app.example.com";
    /** ... and behind a trusted proxy (wrk plays it, from loopback), whose X-Forwarded-For P3's loads carry. */
    private static final String PROXY = "127.0.0.1";
    private static final Map<String, String> SETTINGS = Map.of("portcullis.cors.allowed-origins", BROWSER_APP,
            "portcullis.requests.trusted-proxies", PROXY);

    /** Runs a load twice (the first warms up) and keeps the second for the table. */
    interface Loads {
        Wrk.Result run(Callable<Wrk.Result> load) throws Exception;
    }

    private final boolean smoke = Boolean.getBoolean("benchmark.smoke");
    /** Each load runs twice, the first time to warm up; a fresh JVM here needs over a minute of load to settle. */
    private final Duration measure = smoke ? Duration.ofSeconds(1) : Duration.ofSeconds(30);
    /** A login at bcrypt cost 12 takes about 0.3 s alone: even the smoke run must complete a few. */
    private final Duration loginMeasure = smoke ? Duration.ofSeconds(4) : measure;
    private final int smallScale = smoke ? 1_000 : 1_000;
    private final int largeScale = smoke ? 5_000 : 1_000_000;
    private final Path work;
    private final Wrk wrk;
    private final List<Wrk.Result> loads = new ArrayList<>();
    private final List<Figure> figures = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    private Benchmark(Path work) {
        this.work = work;
        this.wrk = new Wrk(work);
    }

    public static void main(String[] args) throws Exception {
        Path work = Path.of(System.getProperty("portcullis.target", "target"), "benchmark");
        Files.createDirectories(work);
        new Benchmark(work).run();
    }

    private void run() throws Exception {
        Wrk.requireInstalled();
        InProcessCosts costs = InProcessCosts.measure(12, smoke);
        Path benchWar = export(Deployments.builtWar().addClass(BenchResource.class), "portcullis-bench.war");
        Path helloWar = export(ShrinkWrap.create(WebArchive.class, "hello.war")
                .addClasses(HelloResource.class, HelloResource.HelloApplication.class), "hello.war");
        Path data = Files.createTempDirectory(work, "data-");

        TestUsers.Registered user;
        try (PayaraMicroProcess first = portcullis(benchWar, data, "bench-setup")) {
            user = TestUsers.register(new Api(first.base()));
        }
        Seeder.seed(data, 0, smallScale - 1, smallScale);

        Instant launched = Instant.now();
        try (PayaraMicroProcess server = portcullis(benchWar, data, "bench-portcullis")) {
            Api api = new Api(server.base());
            while (api.post("users/login", conduitLogin(user.email(), user.password())).status() != 200) {
                Thread.sleep(50);
            }
            double portcullisStart = Duration.between(launched, Instant.now()).toMillis();
            String token = api.post("users/login", conduitLogin(user.email(), user.password())).user().getString("token");
            String root = "http://localhost:" + server.base().getPort();

            Wrk.Result conduit = load(() -> wrk.postJson("login (Conduit)", root + "/api/users/login",
                    conduitLogin(user.email(), user.password()), loginMeasure, 4));
            Wrk.Result edumaps = load(() -> wrk.postJson("login (Edumaps)", root + "/api/auth/login",
                    edumapsLogin(user.email(), user.password()), loginMeasure, 4));
            double bcryptCapacity = CORES * costs.bcryptChecksPerSecond();
            figures.add(Figure.atLeast("P1", "login efficiency (min of both dialects)",
                    Math.min(conduit.requestsPerSecond(), edumaps.requestsPerSecond()) / bcryptCapacity, 0.90));

            figures.add(Figure.atLeast("P2", "authenticated ÷ unauthenticated equal work",
                    authenticatedVersusAnonymous(root, token, user.id()), 0.80));
            figures.add(Figure.atLeast("P7", "GET /api/user ÷ the filter-only protected endpoint of P3, same token",
                    userVersusFilterOnly(root, token), 0.7));
            figures.add(Figure.atLeast("F1", "GET /api/user from an allowed browser origin ÷ without an Origin",
                    browserVersusPlain(root, token), 0.95));

            figures.add(Figure.atLeast("P3", "Portcullis filter (with Origin and X-Forwarded-For) ÷ Payara MP-JWT,"
                    + " same endpoint and token", filterVersusMpJwt(root, token), 4.0));

            List<Double> paints = ConsoleLoad.firstPaints(root, 6);
            System.out.println("Console first contentful paints, ms (the first is a cold load): " + paints);
            figures.add(Figure.atMost("C1", "admin console first contentful paint, ms (median of 6 loads, the first"
                    + " cold)", ConsoleLoad.median(paints), 1000));
            figures.add(Figure.atMost("C2", "admin console weight, KiB uncompressed", ConsoleLoad.kibibytesInWar(),
                    150));

            Wrk.Result smallLogin = load(() -> wrk.postJson("login latency, " + smallScale + " users", root
                    + "/api/users/login", conduitLogin(user.email(), user.password()), loginMeasure, 1));
            Wrk.Result smallUser = load(() -> wrk.get("GET /api/user latency, " + smallScale + " users",
                    root + "/api/user", measure, 1, "Authorization", "Token " + token));

            server.close();

            // P5 on fresh processes under the same load only: a server that has just run the login loads has
            // grown its heap for them, and would be compared with a bare server that never did.
            long portcullisRss;
            try (PayaraMicroProcess fresh = portcullis(benchWar, data, "bench-portcullis-memory")) {
                MemorySampler memory = new MemorySampler(fresh.pid());
                load(() -> wrk.get("GET /api/user (token), fresh server", "http://localhost:"
                        + fresh.base().getPort() + "/api/user", measure, 32, "Authorization", "Token " + token));
                portcullisRss = memory.stop();
            }
            Instant bareLaunched = Instant.now();
            double bareStart;
            long bareRss;
            try (PayaraMicroProcess bare = PayaraMicroProcess.start(helloWar, data, "bench-bare", Map.of(),
                    "api/hello", 200)) {
                bareStart = Duration.between(bareLaunched, Instant.now()).toMillis();
                MemorySampler bareMemory = new MemorySampler(bare.pid());
                load(() -> wrk.get("GET /api/hello (bare Payara Micro)", "http://localhost:" + bare.base().getPort()
                        + "/api/hello", measure, 32));
                bareRss = bareMemory.stop();
            }
            ClassDataSharing sharing = ClassDataSharing.prepare(work, benchWar, SETTINGS);
            notes.add(String.format("Class-data archive: %.0f MiB", sharing.archiveBytes() / 1048576.0));
            KeycloakComparison keycloak = new KeycloakComparison(wrk, this::load, measure, smoke, work);
            double sharedStart = keycloak.run(benchWar, SETTINGS, sharing);
            figures.add(Figure.atMost("P4", "start-up to first login (class-data archive, median of K1's) ÷ bare"
                    + " Payara Micro to first answer", sharedStart / bareStart, 1.3));
            figures.add(Figure.reported("P4", "the same without the archive (the run command's start)",
                    portcullisStart / bareStart));
            notes.add(String.format("Start-ups, ms: bare Payara Micro %.0f; Portcullis without the archive %.0f,"
                    + " with it %.0f (median)", bareStart, portcullisStart, sharedStart));
            figures.addAll(keycloak.figures());
            notes.addAll(keycloak.notes());
            figures.add(Figure.atMost("P5", "peak resident memory, fresh server under P2 load ÷ bare Payara Micro, same load",
                    (double) portcullisRss / bareRss, 1.3));

            directoryFigures(benchWar, data, user);

            Seeder.seed(data, smallScale, largeScale - smallScale, largeScale - smallScale);
            try (PayaraMicroProcess large = portcullis(benchWar, data, "bench-large")) {
                String largeRoot = "http://localhost:" + large.base().getPort();
                String largeToken = new Api(large.base()).post("users/login", conduitLogin(user.email(),
                        user.password())).user().getString("token");
                Wrk.Result bigLogin = load(() -> wrk.postJson("login latency, " + largeScale + " users",
                        largeRoot + "/api/users/login", conduitLogin(user.email(), user.password()), loginMeasure, 1));
                Wrk.Result bigUser = load(() -> wrk.get("GET /api/user latency, " + largeScale + " users",
                        largeRoot + "/api/user", measure, 1, "Authorization", "Token " + largeToken));
                figures.add(Figure.atMost("P6", "median latency at " + largeScale + " users and revoked tokens ÷ at "
                        + smallScale + " (worse of login and GET /api/user)",
                        Math.max(bigLogin.p50Millis() / smallLogin.p50Millis(),
                                bigUser.p50Millis() / smallUser.p50Millis()), 1.1));
            }
        }
        report(costs);
    }

    /** D1, D2: a server with the corporate directory on (a real slapd, ldaps) beside its local accounts. */
    private void directoryFigures(Path war, Path data, TestUsers.Registered local) throws Exception {
        try (Slapd slapd = Slapd.start("benchmark", "directory/people.ldif")) {
            try (PayaraMicroProcess server = PayaraMicroProcess.start(war, data, "bench-directory",
                    DirectoryTiming.settings(slapd), "api/user")) {
                Api api = new Api(server.base());
                DirectoryTiming.medians(api, 2, local.email(), local.password()); // warm-up
                Map<DirectoryTiming.Kind, Double> medians = DirectoryTiming.medians(api, smoke ? 3 : 30,
                        local.email(), local.password());
                System.out.println("Directory login medians, ms: " + medians);
                List<Double> refusals = List.of(medians.get(DirectoryTiming.Kind.UNKNOWN),
                        medians.get(DirectoryTiming.Kind.WRONG_PASSWORD), medians.get(DirectoryTiming.Kind.DISABLED),
                        medians.get(DirectoryTiming.Kind.LOCAL_WRONG_PASSWORD));
                figures.add(Figure.atMost("D1", "login refusals with a directory, slowest ÷ fastest median (unknown"
                        + " name, wrong password, disabled, local account's wrong password) " + medians, refusals.stream().mapToDouble(d -> d).max()
                        .orElseThrow() / refusals.stream().mapToDouble(d -> d).min().orElseThrow(), 1.1));
                figures.add(Figure.atMost("D2", "successful directory login ÷ local login, median latency",
                        medians.get(DirectoryTiming.Kind.DIRECTORY_SUCCESS)
                                / medians.get(DirectoryTiming.Kind.LOCAL_SUCCESS), 1.5));
            }
        }
    }

    private PayaraMicroProcess portcullis(Path war, Path data, String name) throws IOException {
        return PayaraMicroProcess.start(war, data, name, SETTINGS, "api/user");
    }

    /** Warms the endpoint up, then measures it (the smoke run only checks that the load runs). */
    private Wrk.Result load(Callable<Wrk.Result> run) throws Exception {
        if (!smoke) {
            run.call();
        }
        Wrk.Result result = run.call();
        loads.add(result);
        return result;
    }

    /**
     * What the token check costs: GET /api/user and the same read without a token, alternated after a warm-up of
     * both (the first load of a fresh JVM is still warming it up, which made P2 a measure of the JIT).
     */
    private double authenticatedVersusAnonymous(String root, String token, long userId) throws Exception {
        Callable<Wrk.Result> authenticated = () -> wrk.get("GET /api/user (token)", root + "/api/user", measure, 32,
                "Authorization", "Token " + token);
        Callable<Wrk.Result> anonymous = () -> wrk.get("GET /api/bench/user/{id} (no token)",
                root + "/api/bench/user/" + userId, measure, 32);
        if (!smoke) {
            authenticated.call();
            anonymous.call();
        }
        List<Double> ratios = new ArrayList<>();
        for (int round = 0; round < (smoke ? 1 : 2); round++) {
            Wrk.Result withToken = load(authenticated);
            Wrk.Result withoutToken = load(anonymous);
            ratios.add(withToken.requestsPerSecond() / withoutToken.requestsPerSecond());
        }
        return ratios.get(ratios.size() - 1);
    }

    /** What reading the user costs beyond the token check: GET /api/user and whoami, alternated. */
    private double userVersusFilterOnly(String root, String token) throws Exception {
        List<Double> ratios = new ArrayList<>();
        for (int round = 0; round < (smoke ? 1 : 2); round++) {
            Wrk.Result user = load(() -> wrk.get("GET /api/user (token)", root + "/api/user", measure, 32,
                    "Authorization", "Token " + token));
            Wrk.Result filterOnly = load(() -> wrk.get("GET /api/bench/whoami (token, filter only)",
                    root + "/api/bench/whoami", measure, 32, "Authorization", "Token " + token));
            ratios.add(user.requestsPerSecond() / filterOnly.requestsPerSecond());
        }
        return ratios.get(ratios.size() - 1);
    }

    /** The cost of CORS on an answer: the same request with and without an allowed Origin, alternated. */
    private double browserVersusPlain(String root, String token) throws Exception {
        List<Double> ratios = new ArrayList<>();
        for (int round = 0; round < (smoke ? 1 : 2); round++) { // alternate; the first round warms both up
            Wrk.Result plain = load(() -> wrk.get("GET /api/user (token, no Origin)", root + "/api/user", measure, 32,
                    "Authorization", "Token " + token));
            Wrk.Result browser = load(() -> wrk.get("GET /api/user (token, from a browser app's origin)",
                    root + "/api/user", measure, 32, "Authorization", "Token " + token, "Origin", BROWSER_APP));
            ratios.add(browser.requestsPerSecond() / plain.requestsPerSecond());
        }
        return ratios.get(ratios.size() - 1);
    }

    private double filterVersusMpJwt(String root, String token) throws Exception {
        String jwks = root + "/.well-known/jwks.json";
        Path rsWar = export(ShrinkWrap.create(WebArchive.class, "resource-server.war")
                .addClasses(ResourceServerApplication.class, WhoAmIResource.class)
                .addAsResource(new StringAsset("mp.jwt.verify.publickey.location=" + jwks + "\n"
                        + "mp.jwt.verify.issuer=http://localhost:8080\n"), "META-INF/microprofile-config.properties")
                .addAsWebInfResource(new StringAsset("<beans bean-discovery-mode=\"all\"/>"), "beans.xml"),
                "resource-server.war");
        try (PayaraMicroProcess rs = PayaraMicroProcess.start(rsWar, Files.createTempDirectory(work, "rs-"),
                "bench-mp-jwt", Map.of(), "rs/whoami")) {
            String rsUrl = "http://localhost:" + rs.base().getPort() + "/rs/whoami";
            List<Double> ratios = new ArrayList<>();
            for (int round = 0; round < (smoke ? 1 : 2); round++) { // alternate; the first round warms both up
                Wrk.Result filter = load(() -> wrk.get("GET protected (Portcullis filter, Origin, X-Forwarded-For)",
                        root + "/api/bench/whoami", measure, 32, "Authorization", "Bearer " + token,
                        "Origin", BROWSER_APP, "X-Forwarded-For", "203.0.113.7"));
                Wrk.Result mpJwt = load(() -> wrk.get("GET protected (Payara MP-JWT)", rsUrl, measure, 32,
                        "Authorization", "Bearer " + token));
                ratios.add(filter.requestsPerSecond() / mpJwt.requestsPerSecond());
            }
            return ratios.get(ratios.size() - 1);
        }
    }

    private Path export(WebArchive war, String name) {
        Path file = work.resolve(name);
        war.as(ZipExporter.class).exportTo(file.toFile(), true);
        return file;
    }

    private void report(InProcessCosts costs) throws IOException {
        StringBuilder table = new StringBuilder();
        table.append(String.format("Portcullis benchmark%s, %s, %d cores (wrk on the same cores), Java %s%n%n",
                smoke ? " (SMOKE: too short to mean anything)" : "", LocalDate.now(), CORES,
                System.getProperty("java.version")));
        table.append("| figure | what | value | goal | |\n| --- | --- | --- | --- | --- |\n");
        figures.forEach(figure -> table.append(figure.row()).append('\n'));
        table.append("\n| load | requests/s | p50 ms | p99 ms | errors |\n| --- | --- | --- | --- | --- |\n");
        loads.forEach(load -> table.append(String.format("| %s | %.1f | %.2f | %.2f | %d |%n", load.name(),
                load.requestsPerSecond(), load.p50Millis(), load.p99Millis(), load.errors())));
        table.append(String.format("%nIn-process, one core: bcrypt checkpw (cost 12) %.2f/s, RS256 sign %.0f µs,"
                + " RS256 verify %.1f µs%n", costs.bcryptChecksPerSecond(), costs.rs256SignMicros(),
                costs.rs256VerifyMicros()));
        table.append("\nbcrypt, one core (jBCrypt checkpw): ");
        for (int cost = 10; cost <= 13; cost++) {
            table.append(String.format("cost %d %.2f/s%s", cost, InProcessCosts.bcryptChecksPerSecond(cost,
                    smoke ? 1 : 8), cost < 13 ? "; " : "\n"));
        }
        table.append('\n');
        notes.forEach(note -> table.append("- ").append(note).append('\n'));
        Path report = work.resolve("benchmark.md");
        Files.writeString(report, table);
        System.out.println(table);
        System.out.println("Written to " + report);
        boolean complete = figures.size() == 20 && figures.stream().noneMatch(figure -> Double.isNaN(figure.value()))
                && loads.stream().allMatch(load -> load.errors() == 0 && load.requestsPerSecond() > 0);
        if (!complete) {
            throw new IllegalStateException("The benchmark did not produce every figure, or a load had errors");
        }
    }
}
