package portcullis.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import portcullis.fixtures.Folders;
import portcullis.fixtures.TestUsers;
import portcullis.http.Api;
import portcullis.servers.PayaraMicroProcess;

/**
 * Payara Micro with class-data sharing (the JDK's AppCDS, in the way Payara documents it for Payara Micro): a
 * persistent root directory and its launcher ({@code --outputlauncher}), the server's libraries in the root's
 * {@code lib} folder (a launcher takes no {@code --addlibs}), and a dynamic archive of the classes that one training
 * run loaded (a start with the WAR, a registration, a login), written when that JVM exits.
 */
final class ClassDataSharing {
    private final Path root;
    private final Path archive;

    private ClassDataSharing(Path root, Path archive) {
        this.root = root;
        this.archive = archive;
    }

    static ClassDataSharing prepare(Path work, Path war, Map<String, String> systemProperties) throws Exception {
        Path root = work.resolve("payara-root-cds");
        Path archive = work.resolve("portcullis-cds.jsa");
        Folders.deleteTree(root);
        Files.deleteIfExists(archive);
        Process launcher = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", System.getProperty("payara.micro.jar", "target/payara-micro.jar"),
                "--rootdir", root.toString(), "--outputlauncher")
                .redirectErrorStream(true).redirectOutput(work.resolve("payara-root-cds.log").toFile()).start();
        if (!launcher.waitFor(2, TimeUnit.MINUTES) || launcher.exitValue() != 0) {
            throw new IllegalStateException("Payara Micro made no launcher; see " + work.resolve("payara-root-cds.log"));
        }
        for (Path library : serverLibraries()) {
            Files.copy(library, root.resolve("lib").resolve(library.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
        ClassDataSharing sharing = new ClassDataSharing(root, archive);
        try (PayaraMicroProcess training = PayaraMicroProcess.start(war, Files.createTempDirectory(work, "cds-"),
                "bench-cds-training", systemProperties, "api/user",
                sharing.launchWith("-XX:ArchiveClassesAtExit=" + archive))) {
            TestUsers.Registered user = TestUsers.register(new Api(training.base()));
            new Api(training.base()).post("users/login", TestUsers.conduitLogin(user.email(), user.password()));
        }
        for (int waited = 0; !Files.exists(archive) && waited < 60; waited++) {
            Thread.sleep(1000);
        }
        if (!Files.exists(archive)) {
            throw new IllegalStateException("The training run wrote no archive; see target/bench-cds-training.log");
        }
        return sharing;
    }

    /** The JVM options and jar that start Payara Micro with the archive. */
    List<String> launch() throws IOException {
        return launchWith("-XX:SharedArchiveFile=" + archive);
    }

    private List<String> launchWith(String archiveOption) throws IOException {
        // A root directory keeps what it deployed: the WAR is deployed afresh each time, as without one.
        Folders.deleteTree(root.resolve("applications"));
        Folders.deleteTree(root.resolve("generated"));
        return List.of(archiveOption, "-jar", root.resolve("launch-micro.jar").toString());
    }

    long archiveBytes() throws IOException {
        return Files.size(archive);
    }

    private static List<Path> serverLibraries() throws IOException {
        List<String> options = Arrays.asList(System.getProperty("payara.micro.options", "").split(" "));
        int addlibs = options.indexOf("--addlibs");
        if (addlibs < 0) {
            return List.of();
        }
        try (Stream<Path> jars = Files.list(Path.of(options.get(addlibs + 1)))) {
            return jars.filter(jar -> jar.toString().endsWith(".jar")).toList();
        }
    }
}
