package portcullis.servers;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import portcullis.fixtures.PageServer;

/**
 * A throwaway OpenLDAP (Debian's {@code slapd}) on loopback: its own folder under target/, a CA and a server
 * certificate made now with openssl (names {@code localhost} and {@code 127.0.0.1}), {@code ldap://} (StartTLS) and
 * {@code ldaps://} listeners, the memberof and ppolicy overlays, and the entries of a test LDIF added over LDAP (so
 * that the overlays see them). The root DN ({@value #ROOT_DN}) serves as Portcullis's service account.
 */
public final class Slapd implements AutoCloseable {
    public static final String SUFFIX = "dc=example,dc=com";
    public static final String ROOT_DN = "cn=admin," + SUFFIX;
    public static final String ROOT_PASSWORD = "directory-admin-secret";
    public static final String TRUST_STORE_PASSWORD = "changeit";

    private final Path home;
    private final int ldapPort;
    private final int ldapsPort;

    private Slapd(Path home, int ldapPort, int ldapsPort) {
        this.home = home;
        this.ldapPort = ldapPort;
        this.ldapsPort = ldapsPort;
    }

    /** Starts slapd with the entries of {@code ldifResource} (a classpath resource), on free ports. */
    public static Slapd start(String name, String ldifResource) {
        if (!Files.isExecutable(Path.of("/usr/sbin/slapd"))) {
            throw new IllegalStateException("OpenLDAP is missing: apt-get install -y slapd ldap-utils (.ci/run does)");
        }
        try {
            Path home = Files.createDirectories(Path.of(System.getProperty("portcullis.target", "target"), "slapd-" + name))
                    .toAbsolutePath();
            run(home, "rm", "-rf", "db", "slapd.pid");
            Files.createDirectories(home.resolve("db"));
            certificates(home);
            Slapd slapd = new Slapd(home, PageServer.freePort(), PageServer.freePort());
            Files.writeString(home.resolve("slapd.conf"), slapd.configuration());
            Files.writeString(home.resolve("base.ldif"), """
                    dn: %s
                    objectClass: dcObject
                    objectClass: organization
                    o: Example
                    dc: example
                    """.formatted(SUFFIX));
            run(home, "/usr/sbin/slapadd", "-f", "slapd.conf", "-l", "base.ldif");
            slapd.startProcess();
            try (var ldif = Slapd.class.getClassLoader().getResourceAsStream(ldifResource)) {
                Files.write(home.resolve("entries.ldif"), ldif.readAllBytes());
            }
            slapd.ldap("ldapmodify", "-a", "-f", home.resolve("entries.ldif").toString());
            return slapd;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String configuration() {
        return """
                include /etc/ldap/schema/core.schema
                include /etc/ldap/schema/cosine.schema
                include /etc/ldap/schema/inetorgperson.schema
                include /etc/ldap/schema/nis.schema
                modulepath /usr/lib/ldap
                moduleload back_mdb
                moduleload memberof
                moduleload ppolicy
                moduleload back_monitor
                pidfile %1$s/slapd.pid
                argsfile %1$s/slapd.args
                TLSCACertificateFile %1$s/ca.crt
                TLSCertificateFile %1$s/server.crt
                TLSCertificateKeyFile %1$s/server.key
                database mdb
                maxsize 104857600
                suffix "%2$s"
                rootdn "%3$s"
                rootpw %4$s
                directory %1$s/db
                overlay memberof
                overlay ppolicy
                database monitor
                rootdn "cn=monitor"
                access to dn.subtree="cn=monitor" by dn.exact="%3$s" read by * none
                """.formatted(home, SUFFIX, ROOT_DN, ROOT_PASSWORD);
    }

    private static void certificates(Path home) throws IOException {
        if (Files.exists(home.resolve("server.crt"))) {
            return;
        }
        run(home, "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.crt",
                "-days", "2", "-subj", "/CN=Portcullis test directory CA");
        run(home, "openssl", "req", "-newkey", "rsa:2048", "-nodes", "-keyout", "server.key", "-out", "server.csr",
                "-subj", "/CN=localhost");
        Files.writeString(home.resolve("server.ext"),
                "subjectAltName=DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth\n");
        run(home, "openssl", "x509", "-req", "-in", "server.csr", "-CA", "ca.crt", "-CAkey", "ca.key",
                "-CAcreateserial", "-out", "server.crt", "-days", "2", "-extfile", "server.ext");
    }

    /** A PKCS12 trust store holding the test CA, for {@code portcullis.directory.trust-store}. */
    public Path trustStore() {
        Path store = home.resolve("trust.p12");
        try {
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(null, null);
            keys.setCertificateEntry("directory-ca", CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(Files.readAllBytes(home.resolve("ca.crt")))));
            try (OutputStream out = Files.newOutputStream(store)) {
                keys.store(out, TRUST_STORE_PASSWORD.toCharArray());
            }
            return store;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code ldap://127.0.0.1:<port>} (StartTLS). */
    public String ldapUrl() {
        return "ldap://127.0.0.1:" + ldapPort;
    }

    public int ldapPort() {
        return ldapPort;
    }

    public int ldapsPort() {
        return ldapsPort;
    }

    /** {@code ldaps://127.0.0.1:<port>}. */
    /**
     * The {@code portcullis.directory.*} lines of a server that asks this directory at {@code urls}, as its service
     * account, over TLS trusting this directory's authority.
     */
    public java.util.List<String> portcullisSettings(String urls) {
        return java.util.List.of("portcullis.directory.urls=" + urls, "portcullis.directory.bind-dn=" + ROOT_DN,
                "portcullis.directory.bind-password=" + ROOT_PASSWORD, "portcullis.directory.user-base=" + SUFFIX,
                "portcullis.directory.trust-store=" + trustStore(),
                "portcullis.directory.trust-store-password=" + TRUST_STORE_PASSWORD);
    }

    public String ldapsUrl() {
        return "ldaps://127.0.0.1:" + ldapsPort;
    }

    /** Applies an LDIF change (add, modify, delete records) as the root DN. */
    public void change(String ldif) {
        try {
            Path file = Files.createTempFile(home, "change-", ".ldif");
            Files.writeString(file, ldif);
            ldap("ldapmodify", "-f", file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How many binds slapd has completed since it started (its monitor backend). */
    public long completedBinds() {
        String out = ldapOutput("ldapsearch", "-LLL", "-b", "cn=Bind,cn=Operations,cn=Monitor", "-s", "base",
                "monitorOpCompleted");
        return out.lines().filter(line -> line.startsWith("monitorOpCompleted:"))
                .mapToLong(line -> Long.parseLong(line.substring(line.indexOf(':') + 1).strip())).findFirst()
                .orElseThrow(() -> new IllegalStateException("no bind count in " + out));
    }

    public void stop() {
        Path pidFile = home.resolve("slapd.pid");
        try {
            if (!Files.exists(pidFile)) {
                return;
            }
            String pid = Files.readString(pidFile).strip();
            run(home, "kill", pid);
            for (int i = 0; i < 100 && Files.exists(pidFile); i++) {
                Thread.sleep(50);
            }
            Files.deleteIfExists(pidFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public void startProcess() {
        run(home, "/usr/sbin/slapd", "-f", "slapd.conf", "-h", ldapUrl() + "/ " + ldapsUrl() + "/");
        for (int i = 0; i < 100; i++) { // slapd daemonises: wait for its listener
            try (var socket = new java.net.Socket("127.0.0.1", ldapsPort)) {
                return;
            } catch (IOException notYet) {
                sleep(50);
            }
        }
        throw new IllegalStateException("slapd did not start in " + home);
    }

    @Override
    public void close() {
        stop();
    }

    private void ldap(String tool, String... arguments) {
        ldapOutput(tool, arguments);
    }

    private String ldapOutput(String tool, String... arguments) {
        List<String> command = new ArrayList<>(List.of(tool, "-x", "-H", ldapsUrl(), "-D", ROOT_DN, "-w", ROOT_PASSWORD));
        command.addAll(List.of(arguments));
        return run(home, Map.of("LDAPTLS_CACERT", home.resolve("ca.crt").toString()), command.toArray(String[]::new));
    }

    private static String run(Path directory, String... command) {
        return run(directory, Map.of(), command);
    }

    private static String run(Path directory, Map<String, String> environment, String... command) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
            builder.environment().putAll(environment);
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
