package portcullis.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import portcullis.servers.Neighbour;
import portcullis.servers.Slapd;
import portcullis.servers.TcpProxy;

/**
 * The directory client's TLS, outside any server, against a real slapd: ldaps and StartTLS with the configured trust
 * store, refused for a certificate from an authority not trusted and for a host name the certificate does not name
 * (the same server reached as 127.0.0.2); groups by memberOf and by search, nested or not; a blank password is never
 * sent; the settings refuse plain-text and mixed URLs.
 */
@Tag("database-independent")
class DirectoryClientIT {
    @RegisterExtension
    static final Neighbour<Slapd> DIRECTORY = Neighbour.of(() -> Slapd.start("directory-tls-it",
            "directory/people.ldif"));
    /** The same directory under another name (127.0.0.2), which its certificate does not name. */
    @RegisterExtension
    static final Neighbour<TcpProxy> OTHER_NAME = Neighbour.of(() -> TcpProxy.to(DIRECTORY.get().ldapsPort(),
            "127.0.0.2"));
    @RegisterExtension
    static final Neighbour<TcpProxy> OTHER_NAME_START_TLS = Neighbour.of(() -> TcpProxy.to(
            DIRECTORY.get().ldapPort(), "127.0.0.2"));

    private static Directory directory(String url, boolean trusted) {
        return directory(url, trusted, Map.of());
    }

    private static Directory directory(String url, boolean trusted, Map<String, String> more) {
        Map<String, String> values = new HashMap<>(Map.of(
                "portcullis.directory.urls", url,
                "portcullis.directory.bind-dn", Slapd.ROOT_DN,
                "portcullis.directory.bind-password", Slapd.ROOT_PASSWORD,
                "portcullis.directory.user-base", Slapd.SUFFIX,
                "portcullis.directory.connect-timeout", "PT2S",
                "portcullis.directory.read-timeout", "PT2S"));
        values.putAll(more);
        if (trusted) {
            values.put("portcullis.directory.trust-store", DIRECTORY.get().trustStore().toString());
            values.put("portcullis.directory.trust-store-password", Slapd.TRUST_STORE_PASSWORD);
        }
        DirectorySettings settings = settings(values);
        DirectoryConnections connections = new DirectoryConnections();
        connections.settings = settings;
        connections.prepare();
        Directory directory = new Directory();
        directory.settings = settings;
        directory.connections = connections;
        directory.status = new DirectoryStatus();
        directory.groups = new DirectoryGroups();
        directory.groups.settings = settings;
        return directory;
    }

    private static DirectorySettings settings(Map<String, String> values) {
        DirectorySettings settings = new DirectorySettings();
        settings.config = new MapConfig(values);
        settings.read();
        return settings;
    }

    @Test
    void ldapsWithTheTrustedAuthorityFindsAndBinds() {
        Directory directory = directory(DIRECTORY.get().ldapsUrl(), true);
        DirectoryEntry alice = directory.find("alice").orElseThrow();
        assertEquals("uid=alice,ou=staff,dc=example,dc=com", alice.dn());
        assertTrue(directory.passwordMatches(alice.dn(), DirectoryIT.PASSWORD));
        assertFalse(directory.passwordMatches(alice.dn(), "not-her-password"));
    }

    @Test
    void startTlsWithTheTrustedAuthorityFindsAndBinds() {
        Directory directory = directory(DIRECTORY.get().ldapUrl(), true);
        DirectoryEntry bob = directory.find("bob@corp.example").orElseThrow();
        assertTrue(directory.passwordMatches(bob.dn(), DirectoryIT.PASSWORD));
    }

    @Test
    void anAuthorityThatIsNotTrustedIsRefused() {
        assertThrows(DirectoryUnavailableException.class, () -> directory(DIRECTORY.get().ldapsUrl(), false).find("alice"));
        assertThrows(DirectoryUnavailableException.class, () -> directory(DIRECTORY.get().ldapUrl(), false).find("alice"));
    }

    @Test
    void aHostNameTheCertificateDoesNotNameIsRefused() {
        // the same slapd, trusted authority, but reached as 127.0.0.2: not among the certificate's names
        String url = "ldaps://127.0.0.2:" + OTHER_NAME.get().port();
        assertThrows(DirectoryUnavailableException.class, () -> directory(url, true).find("alice"));
        String startTls = "ldap://127.0.0.2:" + OTHER_NAME_START_TLS.get().port();
        assertThrows(DirectoryUnavailableException.class, () -> directory(startTls, true).find("alice"));
    }

    @Test
    void groupsFoundByMemberOfOrBySearchWithNestingBoundedAndCyclesEnded() {
        java.util.Set<String> all = java.util.Set.of("platform", "engineers", "loop-a", "loop-b");
        assertEquals(all, directory(DIRECTORY.get().ldapsUrl(), true).find("bob").orElseThrow().groups());
        assertEquals(all, directory(DIRECTORY.get().ldapsUrl(), true, Map.of("portcullis.directory.groups", "search",
                "portcullis.directory.group-base", "ou=groups," + Slapd.SUFFIX)).find("bob").orElseThrow().groups());
        assertEquals(java.util.Set.of("platform", "loop-a"), directory(DIRECTORY.get().ldapsUrl(), true,
                Map.of("portcullis.directory.groups", "search", "portcullis.directory.nested-groups", "none"))
                .find("bob").orElseThrow().groups());
        assertEquals(java.util.Set.of("platform", "loop-a", "engineers", "loop-b"), directory(DIRECTORY.get().ldapsUrl(), true,
                Map.of("portcullis.directory.nested-groups-depth", "1")).find("bob").orElseThrow().groups());
        assertEquals(java.util.Set.of("platform", "loop-a"), directory(DIRECTORY.get().ldapsUrl(), true,
                Map.of("portcullis.directory.nested-groups-depth", "0")).find("bob").orElseThrow().groups());
    }

    @Test
    void aBlankPasswordIsNeverSent() {
        Directory directory = directory(DIRECTORY.get().ldapsUrl(), true);
        long binds = DIRECTORY.get().completedBinds();
        assertThrows(IllegalArgumentException.class,
                () -> directory.passwordMatches("uid=alice,ou=staff,dc=example,dc=com", ""));
        assertEquals(binds + 1, DIRECTORY.get().completedBinds(), "only the count's own bind");
    }

    @Test
    void plainTextAndMixedUrlsAreRefusedAtStartup() {
        Map<String, String> base = Map.of("portcullis.directory.bind-dn", "cn=x", "portcullis.directory.bind-password",
                "x", "portcullis.directory.user-base", "dc=x");
        for (String urls : new String[] {"http://127.0.0.1:389", "ldap:///nohost", "ldaps://a:636,ldap://b:389"}) {
            Map<String, String> values = new HashMap<>(base);
            values.put("portcullis.directory.urls", urls);
            IllegalStateException refused = assertThrows(IllegalStateException.class, () -> settings(values), urls);
            assertTrue(refused.getMessage().startsWith("portcullis.directory.urls"), refused.getMessage());
        }
        Map<String, String> noBase = new HashMap<>(base);
        noBase.remove("portcullis.directory.user-base");
        noBase.put("portcullis.directory.urls", "ldaps://a:636");
        assertThrows(IllegalStateException.class, () -> settings(noBase));
    }
}
