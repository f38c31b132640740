package portcullis.directory;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.naming.NamingEnumeration;
import javax.naming.NamingException;
import javax.naming.SizeLimitExceededException;
import javax.naming.directory.Attribute;
import javax.naming.directory.Attributes;
import javax.naming.directory.SearchControls;
import javax.naming.directory.SearchResult;
import javax.naming.ldap.LdapContext;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

/**
 * What Portcullis asks the directory: who a login name is, whether a password is theirs, which groups they are in.
 * Values from the caller go into filters only as JNDI filter arguments ({@code {0}}), which JNDI escapes as RFC 4515
 * requires, and into DNs only through {@link Rdn#escapeValue}. Any failure to reach the directory is a
 * {@link DirectoryUnavailableException}, reported once to {@link DirectoryStatus}.
 */
@ApplicationScoped
public class Directory {
    @Inject
    DirectorySettings settings;

    @Inject
    DirectoryConnections connections;

    @Inject
    DirectoryStatus status;

    @Inject
    DirectoryGroups groups;

    boolean isOn() {
        return settings.isOn();
    }

    /** The one person the login name matches; empty for none, and for more than one (never guess between two). */
    Optional<DirectoryEntry> find(String login) {
        return call(context -> {
            SearchControls controls = Searches.controls(settings, SearchControls.SUBTREE_SCOPE, 2,
                    settings.idAttribute(),
                    settings.emailAttribute(), settings.usernameAttribute(), settings.nameAttribute(), "memberOf");
            List<SearchResult> found = new ArrayList<>();
            try {
                NamingEnumeration<SearchResult> results = context.search(settings.userBase(), settings.userFilter(),
                        new Object[] {login}, controls);
                while (results.hasMore()) {
                    found.add(results.next());
                }
            } catch (SizeLimitExceededException moreThanOne) {
                return Optional.empty();
            }
            return found.size() == 1 ? Optional.of(entry(context, found.get(0))) : Optional.empty();
        });
    }

    /** The person with this directory id, if they are still there. */
    Optional<DirectoryEntry> findById(String id) {
        return call(context -> {
            SearchControls controls = Searches.controls(settings, SearchControls.SUBTREE_SCOPE, 2,
                    settings.idAttribute(),
                    settings.emailAttribute(), settings.usernameAttribute(), settings.nameAttribute(), "memberOf");
            NamingEnumeration<SearchResult> results = context.search(settings.userBase(),
                    "(" + settings.idAttribute() + "={0})", new Object[] {id}, controls);
            SearchResult only = results.hasMore() ? results.next() : null;
            return only == null || results.hasMore() ? Optional.empty() : Optional.of(entry(context, only));
        });
    }

    /** Whether {@code password} is the password of {@code dn}: a bind as them. Never called with an empty one. */
    boolean passwordMatches(String dn, String password) {
        if (password.isEmpty()) {
            throw new IllegalArgumentException("an empty password would be an anonymous bind");
        }
        try {
            boolean bound = connections.bindsAs(dn, password);
            status.reachable();
            return bound;
        } catch (NamingException unreachable) {
            throw status.unreachable(unreachable);
        }
    }

    /**
     * The same exchange as a wrong password, for a login name the directory does not know: a bind to a DN that
     * cannot exist under the user base, so that the answer takes as long.
     */
    void bindNobody(String password) {
        String nobody = "cn=" + Rdn.escapeValue("portcullis-no-such-user") + "," + settings.userBase();
        passwordMatches(nobody, password.isEmpty() ? "-" : password);
    }

    private DirectoryEntry entry(LdapContext context, SearchResult result) throws NamingException {
        String dn = result.getNameInNamespace();
        Attributes attributes = result.getAttributes();
        String id = identifier(attributes.get(settings.idAttribute()));
        boolean disabled = context.search(dn, settings.disabledFilter(),
                Searches.controls(settings, SearchControls.OBJECT_SCOPE, 1, "1.1")).hasMore();
        return new DirectoryEntry(id == null ? dn : id, dn, Searches.text(attributes.get(settings.emailAttribute())),
                Searches.text(attributes.get(settings.usernameAttribute())),
                Searches.text(attributes.get(settings.nameAttribute())),
                disabled, groups.of(context, dn, attributes));
    }

    private static String identifier(Attribute attribute) throws NamingException {
        return Searches.text(attribute);
    }

    private <T> T call(DirectoryConnections.Search<T> search) {
        try {
            T result = connections.asServiceAccount(search);
            status.reachable();
            return result;
        } catch (NamingException unreachable) {
            throw status.unreachable(unreachable);
        }
    }
}
