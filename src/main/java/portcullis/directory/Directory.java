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
    /** In-chain matching (Active Directory): every group the entry is in, directly or through other groups. */
    private static final String IN_CHAIN = "(member:1.2.840.113556.1.4.1941:={0})";

    @Inject
    DirectorySettings settings;

    @Inject
    DirectoryConnections connections;

    @Inject
    DirectoryStatus status;

    boolean isOn() {
        return settings.isOn();
    }

    /** The one person the login name matches; empty for none, and for more than one (never guess between two). */
    Optional<DirectoryEntry> find(String login) {
        return call(context -> {
            SearchControls controls = controls(SearchControls.SUBTREE_SCOPE, 2, settings.idAttribute(),
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
            SearchControls controls = controls(SearchControls.SUBTREE_SCOPE, 2, settings.idAttribute(),
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
                controls(SearchControls.OBJECT_SCOPE, 1, "1.1")).hasMore();
        return new DirectoryEntry(id == null ? dn : id, dn, text(attributes.get(settings.emailAttribute())),
                text(attributes.get(settings.usernameAttribute())), text(attributes.get(settings.nameAttribute())),
                disabled, groups(context, dn, attributes));
    }

    private Set<String> groups(LdapContext context, String dn, Attributes attributes) throws NamingException {
        Map<String, String> found = new LinkedHashMap<>(); // group DN (normalised) → name
        if (settings.nesting() == DirectorySettings.Nesting.IN_CHAIN) {
            searchGroups(context, IN_CHAIN, dn, found);
            return names(found);
        }
        Deque<String> next = new ArrayDeque<>(directGroups(context, dn, attributes, found));
        int depth = settings.nesting() == DirectorySettings.Nesting.EXPAND ? settings.nestingDepth() : 0;
        for (int level = 0; level < depth && !next.isEmpty(); level++) {
            Deque<String> deeper = new ArrayDeque<>();
            for (String group : next) {
                Attributes groupAttributes = settings.groupLookup() == DirectorySettings.GroupLookup.MEMBER_OF
                        ? context.getAttributes(group, new String[] {"memberOf"}) : null;
                deeper.addAll(directGroups(context, group, groupAttributes, found)); // only groups not seen yet
            }
            next = deeper;
        }
        return names(found);
    }

    /** The groups {@code dn} is directly in, added to {@code found}; returns those that were new (cycles end). */
    private List<String> directGroups(LdapContext context, String dn, Attributes attributes,
            Map<String, String> found) throws NamingException {
        Map<String, String> direct = new LinkedHashMap<>();
        if (settings.groupLookup() == DirectorySettings.GroupLookup.MEMBER_OF) {
            Attribute memberOf = attributes == null ? null : attributes.get("memberOf");
            for (int i = 0; memberOf != null && i < memberOf.size(); i++) {
                String group = String.valueOf(memberOf.get(i));
                direct.put(normalised(group), nameOf(group));
            }
        } else {
            searchGroups(context, settings.groupFilter(), dn, direct);
        }
        List<String> added = new ArrayList<>();
        direct.forEach((group, name) -> {
            if (name != null && found.putIfAbsent(group, name) == null) {
                added.add(group);
            }
        });
        return added;
    }

    private void searchGroups(LdapContext context, String filter, String memberDn, Map<String, String> into)
            throws NamingException {
        NamingEnumeration<SearchResult> groups = context.search(settings.groupBase(), filter,
                new Object[] {memberDn}, controls(SearchControls.SUBTREE_SCOPE, 1000, settings.groupNameAttribute()));
        while (groups.hasMore()) {
            SearchResult group = groups.next();
            String name = text(group.getAttributes().get(settings.groupNameAttribute()));
            into.put(normalised(group.getNameInNamespace()), name == null ? null : name.toLowerCase(Locale.ROOT));
        }
    }

    /** A group's name: the value of its first RDN (cn=Engineers,ou=groups,… → engineers). */
    private static String nameOf(String dn) {
        try {
            LdapName name = new LdapName(dn);
            return name.isEmpty() ? null : String.valueOf(name.getRdn(name.size() - 1).getValue())
                    .toLowerCase(Locale.ROOT);
        } catch (javax.naming.InvalidNameException malformed) {
            return null; // a value that is no DN names no group
        }
    }

    private static String normalised(String dn) {
        try {
            return new LdapName(dn).toString().toLowerCase(Locale.ROOT);
        } catch (javax.naming.InvalidNameException malformed) {
            return dn.toLowerCase(Locale.ROOT);
        }
    }

    private static Set<String> names(Map<String, String> groups) {
        Set<String> names = new LinkedHashSet<>();
        groups.values().stream().filter(name -> name != null).sorted().forEach(names::add);
        return Set.copyOf(names);
    }

    private SearchControls controls(int scope, long limit, String... attributes) {
        SearchControls controls = new SearchControls();
        controls.setSearchScope(scope);
        controls.setCountLimit(limit);
        controls.setTimeLimit((int) settings.readTimeout().toMillis());
        controls.setReturningAttributes(attributes);
        controls.setReturningObjFlag(false);
        controls.setDerefLinkFlag(false);
        return controls;
    }

    private static String text(Attribute attribute) throws NamingException {
        if (attribute == null || attribute.size() == 0) {
            return null;
        }
        Object value = attribute.get(0);
        return value instanceof byte[] bytes ? HexFormat.of().formatHex(bytes) : String.valueOf(value);
    }

    private static String identifier(Attribute attribute) throws NamingException {
        return text(attribute);
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
