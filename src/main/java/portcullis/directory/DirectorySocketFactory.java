package portcullis.directory;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import javax.net.SocketFactory;
import javax.net.ssl.SSLSocketFactory;

/**
 * The TLS sockets of {@code ldaps://} connections, trusting what {@code portcullis.directory.trust-store} holds. JNDI
 * takes a socket factory by class name ({@code java.naming.ldap.factory.socket}) and calls its static
 * {@code getDefault()}, so the configured factory is held here. JNDI turns on host name checking for it (LDAPS
 * endpoint identification) as for the JDK's own.
 */
public final class DirectorySocketFactory extends SocketFactory {
    private static volatile SSLSocketFactory tls = (SSLSocketFactory) SSLSocketFactory.getDefault();

    static void use(SSLSocketFactory factory) {
        tls = factory;
    }

    public static SocketFactory getDefault() {
        return new DirectorySocketFactory();
    }

    @Override
    public Socket createSocket() throws IOException {
        return tls.createSocket();
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return tls.createSocket(host, port);
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return tls.createSocket(host, port, localHost, localPort);
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return tls.createSocket(host, port);
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        return tls.createSocket(address, port, localAddress, localPort);
    }
}
