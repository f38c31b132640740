package portcullis.servers;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A loopback TCP port in front of a real server, for outages a test decides: {@link Mode#FORWARD} passes bytes both
 * ways, {@link Mode#SILENT} accepts connections and never answers (a hung server, or a firewall that drops), and
 * switching modes cuts every open connection.
 */
public final class TcpProxy implements AutoCloseable {
    public enum Mode { FORWARD, SILENT }

    private final ServerSocket listener;
    private final int target;
    private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "tcp-proxy");
        thread.setDaemon(true);
        return thread;
    });
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private volatile Mode mode = Mode.FORWARD;

    private TcpProxy(ServerSocket listener, int target) {
        this.listener = listener;
        this.target = target;
    }

    public static TcpProxy to(int targetPort) throws IOException {
        return to(targetPort, "127.0.0.1");
    }

    /** Listening on another loopback address, such as 127.0.0.2: the same server under another name. */
    public static TcpProxy to(int targetPort, String loopbackAddress) throws IOException {
        TcpProxy proxy = new TcpProxy(new ServerSocket(0, 50, InetAddress.getByName(loopbackAddress)), targetPort);
        proxy.threads.submit(proxy::accept);
        return proxy;
    }

    public int port() {
        return listener.getLocalPort();
    }

    public void mode(Mode newMode) {
        mode = newMode;
        for (Socket socket : open) {
            quietly(socket);
        }
        open.clear();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                open.add(client);
                if (mode == Mode.SILENT) {
                    continue; // held open, never read, never answered
                }
                Socket server;
                try {
                    server = new Socket(InetAddress.getLoopbackAddress(), target);
                } catch (IOException down) {
                    quietly(client); // the real server is down: the client sees its connection closed
                    continue;
                }
                open.add(server);
                threads.submit(() -> pump(client, server));
                threads.submit(() -> pump(server, client));
            } catch (IOException closed) {
                open.removeIf(Socket::isClosed); // the listener closed
            }
        }
    }

    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[8192];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            for (int read; (read = in.read(buffer)) >= 0; ) {
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (IOException closed) {
            // one side went away
        } finally {
            quietly(from);
            quietly(to);
        }
    }

    private static void quietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        mode(Mode.FORWARD);
        threads.shutdownNow();
    }
}
