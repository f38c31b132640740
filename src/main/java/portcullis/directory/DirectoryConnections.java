package portcullis.directory;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Hashtable;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.naming.Context;
import javax.naming.NamingException;
import javax.naming.ldap.InitialLdapContext;
import javax.naming.ldap.LdapContext;
import javax.naming.ldap.StartTlsRequest;
import javax.naming.ldap.StartTlsResponse;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * Connections to the directory, always over TLS ({@code ldaps://}, or {@code ldap://} upgraded with StartTLS before
 * any credential is sent), with the configured timeouts and referral policy. Service-account connections are pooled
 * (at most {@code pool-size}, a caller waits at most the connect timeout for one); a user's bind gets a connection of
 * its own, closed at once, since binding changes who the connection is.
 */
@ApplicationScoped
public class DirectoryConnections {

    @Inject
    DirectorySettings settings;

    private SSLSocketFactory tls;
    private Semaphore permits;
    private final BlockingQueue<LdapContext> idle = new LinkedBlockingQueue<>();

    @PostConstruct
    void prepare() {
        if (!settings.isOn()) {
            return;
        }
        tls = trusting(settings);
        DirectorySocketFactory.use(tls);
        permits = new Semaphore(settings.poolSize(), true);
    }

    @PreDestroy
    void closeAll() {
        LdapContext context;
        while ((context = idle.poll()) != null) {
            close(context);
        }
    }

    /** What a search does with a pooled service-account connection. */
    interface Search<T> {
        T on(LdapContext context) throws NamingException;
    }

    /**
     * Runs {@code search} as the service account. A pooled connection the server has since dropped is replaced once;
     * any other failure to talk to the directory is a {@link DirectoryUnavailableException}.
     */
    <T> T asServiceAccount(Search<T> search) throws NamingException {
        boolean acquired;
        try {
            acquired = permits.tryAcquire(settings.connectTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new DirectoryUnavailableException();
        }
        if (!acquired) {
            throw new DirectoryUnavailableException();
        }
        try {
            LdapContext pooled = idle.poll();
            if (pooled != null) {
                try {
                    T result = search.on(pooled);
                    idle.offer(pooled);
                    return result;
                } catch (javax.naming.CommunicationException | javax.naming.ServiceUnavailableException stale) {
                    close(pooled); // dropped by the server while idle: try once on a fresh connection
                } catch (NamingException | RuntimeException failed) {
                    close(pooled);
                    throw failed;
                }
            }
            LdapContext fresh = open(settings.bindDn(), settings.bindPassword());
            try {
                T result = search.on(fresh);
                idle.offer(fresh);
                return result;
            } catch (NamingException | RuntimeException failed) {
                close(fresh);
                throw failed;
            }
        } finally {
            permits.release();
        }
    }

    /** Binds as {@code dn} with {@code password} on a connection of its own; false for wrong credentials. */
    boolean bindsAs(String dn, String password) throws NamingException {
        try {
            close(open(dn, password));
            return true;
        } catch (javax.naming.AuthenticationException wrongCredentials) {
            return false;
        }
    }

    /** A connection over TLS, bound as {@code dn}. */
    private LdapContext open(String dn, String password) throws NamingException {
        Hashtable<String, Object> env = new Hashtable<>();
        env.put(Context.INITIAL_CONTEXT_FACTORY, "com.sun.jndi.ldap.LdapCtxFactory");
        // Several servers: JNDI tries each in turn until one answers.
        env.put(Context.PROVIDER_URL, settings.urls().stream().map(URI::toString).collect(Collectors.joining(" ")));
        env.put("com.sun.jndi.ldap.connect.timeout", String.valueOf(settings.connectTimeout().toMillis()));
        env.put("com.sun.jndi.ldap.read.timeout", String.valueOf(settings.readTimeout().toMillis()));
        env.put(Context.REFERRAL, settings.followReferrals() ? "follow" : "ignore");
        env.put("java.naming.ldap.attributes.binary", "objectGUID");
        env.put("java.naming.ldap.version", "3");
        boolean ldaps = settings.urls().get(0).getScheme().toLowerCase(Locale.ROOT).equals("ldaps");
        if (ldaps) {
            env.put("java.naming.ldap.factory.socket", DirectorySocketFactory.class.getName());
            env.put(Context.SECURITY_AUTHENTICATION, "simple");
            env.put(Context.SECURITY_PRINCIPAL, dn);
            env.put(Context.SECURITY_CREDENTIALS, password);
            return new InitialLdapContext(env, null);
        }
        env.put(Context.SECURITY_AUTHENTICATION, "none");
        LdapContext context = new InitialLdapContext(env, null);
        try {
            StartTlsResponse started = (StartTlsResponse) context.extendedOperation(new StartTlsRequest());
            started.negotiate(tls); // checks the server's name against its certificate
            context.addToEnvironment(Context.SECURITY_AUTHENTICATION, "simple");
            context.addToEnvironment(Context.SECURITY_PRINCIPAL, dn);
            context.addToEnvironment(Context.SECURITY_CREDENTIALS, password);
            context.reconnect(null); // the bind, over TLS
            return context;
        } catch (IOException tlsFailed) {
            close(context);
            NamingException failure = new javax.naming.CommunicationException("StartTLS failed");
            failure.setRootCause(tlsFailed);
            throw failure;
        } catch (NamingException | RuntimeException failed) {
            close(context);
            throw failed;
        }
    }

    private static SSLSocketFactory trusting(DirectorySettings settings) {
        if (settings.trustStore().isEmpty()) {
            return (SSLSocketFactory) SSLSocketFactory.getDefault(); // the JVM's trusted authorities
        }
        try (InputStream in = Files.newInputStream(Path.of(settings.trustStore().get()))) {
            KeyStore store = KeyStore.getInstance(settings.trustStoreType());
            store.load(in, settings.trustStorePassword().toCharArray());
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context.getSocketFactory();
        } catch (IOException | GeneralSecurityException unreadable) {
            throw new IllegalStateException(DirectorySettings.PREFIX + "trust-store cannot be read: " + unreadable);
        }
    }

    private static void close(LdapContext context) {
        try {
            context.close();
        } catch (NamingException ignored) {
            // closing: nothing left to do
        }
    }
}
