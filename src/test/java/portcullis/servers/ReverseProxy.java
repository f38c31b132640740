package portcullis.servers;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real nginx (Debian package) in front of a server, on loopback, as a load balancer would stand: it appends the
 * address it got the request from to {@code X-Forwarded-For} and connects upstream from {@code bindAddress}, so a
 * test can trust, or not trust, that address as a proxy.
 */
public final class ReverseProxy implements AutoCloseable {
    private static final Path NGINX = Path.of("/usr/sbin/nginx");

    private final Process process;
    private final URL base;

    private ReverseProxy(Process process, URL base) {
        this.process = process;
        this.base = base;
    }

    /** nginx on a free loopback port, forwarding everything to {@code upstream} from {@code bindAddress}. */
    public static ReverseProxy start(String name, URL upstream, String bindAddress) throws IOException {
        if (!Files.isExecutable(NGINX)) {
            throw new IllegalStateException("nginx is missing: apt-get install -y nginx (.ci/run does)");
        }
        Path target = Path.of(System.getProperty("portcullis.target", "target")).toAbsolutePath();
        Path home = Files.createDirectories(target.resolve(name));
        Path temp = Files.createDirectories(home.resolve("tmp"));
        // nginx started as root runs its workers as nobody: they must be able to write their buffers here.
        Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rwxrwxrwx"));
        int port = FreePort.any();
        Files.writeString(home.resolve("nginx.conf"), """
                daemon off;
                worker_processes 1;
                pid %1$s/nginx.pid;
                error_log %1$s/error.log warn;
                events { worker_connections 512; }
                http {
                    access_log off;
                    client_body_temp_path %2$s/body;
                    proxy_temp_path %2$s/proxy;
                    fastcgi_temp_path %2$s/fastcgi;
                    uwsgi_temp_path %2$s/uwsgi;
                    scgi_temp_path %2$s/scgi;
                    server {
                        listen 127.0.0.1:%3$d;
                        location / {
                            proxy_pass http://127.0.0.1:%4$d;
                            proxy_bind %5$s;
                            proxy_set_header Host $host;
                            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                        }
                    }
                }
                """.formatted(home, temp, port, upstream.getPort(), bindAddress));
        Process process = new ProcessBuilder(List.of(NGINX.toString(), "-p", home.toString(),
                "-c", home.resolve("nginx.conf").toString(), "-e", home.resolve("error.log").toString()))
                .redirectErrorStream(true)
                .redirectOutput(home.resolve("nginx.out").toFile())
                .start();
        ReverseProxy proxy = new ReverseProxy(process, new URL("http://localhost:" + port + "/"));
        proxy.awaitListening(port, home);
        return proxy;
    }

    public URL base() {
        return base;
    }

    private void awaitListening(int port, Path home) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("nginx exited with " + process.exitValue() + "; see " + home);
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
                return;
            } catch (IOException notYet) {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        }
        close();
        throw new IllegalStateException("nginx did not listen on " + port + " within 20 s; see " + home);
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}
