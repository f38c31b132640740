package portcullis.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
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
    private static Slapd slapd;
    private static TcpProxy otherName;
    private static TcpProxy otherNameStartTls;

    @BeforeAll
    static void start() throws Exception {
        slapd = Slapd.start("directory-tls-it", "directory/people.ldif");
        otherName = TcpProxy.to(slapd.ldapsPort(), "127.0.0.2");
        otherNameStartTls = TcpProxy.to(slapd.ldapPort(), "127.0.0.2");
    }

    @AfterAll
    static void stop() throws Exception {
        otherName.close();
        otherNameStartTls.close();
        slapd.close();
    }

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
            values.put("portcullis.directory.trust-store", slapd.trustStore().toString());
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
        Directory directory = directory(slapd.ldapsUrl(), true);
        DirectoryEntry alice = directory.find("alice").orElseThrow();
        assertEquals("uid=alice,ou=staff,dc=example,dc=com", alice.dn());
        assertTrue(directory.passwordMatches(alice.dn(), DirectoryIT.PASSWORD));
        assertFalse(directory.passwordMatches(alice.dn(), "not-her-password"));
    }

    @Test
    void startTlsWithTheTrustedAuthorityFindsAndBinds() {
        Directory directory = directory(slapd.ldapUrl(), true);
        DirectoryEntry bob = directory.find("bob@corp.example").orElseThrow();
        assertTrue(directory.passwordMatches(bob.dn(), DirectoryIT.PASSWORD));
    }

    @Test
    void anAuthorityThatIsNotTrustedIsRefused() {
        assertThrows(DirectoryUnavailableException.class, () -> directory(slapd.ldapsUrl(), false).find("alice"));
        assertThrows(DirectoryUnavailableException.class, () -> directory(slapd.ldapUrl(), false).find("alice"));
    }

    @Test
    void aHostNameTheCertificateDoesNotNameIsRefused() {
        // the same slapd, trusted authority, but reached as 127.0.0.2: not among the certificate's names
        String url = "ldaps://127.0.0.2:" + otherName.port();
        assertThrows(DirectoryUnavailableException.class, () -> directory(url, true).find("alice"));
        String startTls = "ldap://127.0.0.2:" + otherNameStartTls.port();
        assertThrows(DirectoryUnavailableException.class, () -> directory(startTls, true).find("alice"));
    }

    @Test
    void groupsFoundByMemberOfOrBySearchWithNestingBoundedAndCyclesEnded() {
        java.util.Set<String> all = java.util.Set.of("platform", "engineers", "loop-a", "loop-b");
        assertEquals(all, directory(slapd.ldapsUrl(), true).find("bob").orElseThrow().groups());
        assertEquals(all, directory(slapd.ldapsUrl(), true, Map.of("portcullis.directory.groups", "search",
                "portcullis.directory.group-base", "ou=groups," + Slapd.SUFFIX)).find("bob").orElseThrow().groups());
        assertEquals(java.util.Set.of("platform", "loop-a"), directory(slapd.ldapsUrl(), true,
                Map.of("portcullis.directory.groups", "search", "portcullis.directory.nested-groups", "none"))
                .find("bob").orElseThrow().groups());
        assertEquals(java.util.Set.of("platform", "loop-a", "engineers", "loop-b"), directory(slapd.ldapsUrl(), true,
                Map.of("portcullis.directory.nested-groups-depth", "1")).find("bob").orElseThrow().groups());
        assertEquals(java.util.Set.of("platform", "loop-a"), directory(slapd.ldapsUrl(), true,
                Map.of("portcullis.directory.nested-groups-depth", "0")).find("bob").orElseThrow().groups());
    }

    @Test
    void aBlankPasswordIsNeverSent() {
        Directory directory = directory(slapd.ldapsUrl(), true);
        long binds = slapd.completedBinds();
        assertThrows(IllegalArgumentException.class,
                () -> directory.passwordMatches("uid=alice,ou=staff,dc=example,dc=com", ""));
        assertEquals(binds + 1, slapd.completedBinds(), "only the count's own bind");
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
