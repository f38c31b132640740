package portcullis.directory;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.naming.NamingEnumeration;
import javax.naming.NamingException;
import javax.naming.directory.Attribute;
import javax.naming.directory.Attributes;
import javax.naming.directory.SearchControls;
import javax.naming.directory.SearchResult;
import javax.naming.ldap.LdapContext;
import javax.naming.ldap.LdapName;

/**
 * The groups a directory entry is in, by {@code memberOf} or by a group search, nested as configured: Active
 * Directory's in-chain rule (one search), or expansion up to a depth, which ends at cycles.
 */
@ApplicationScoped
public class DirectoryGroups {
    /** In-chain matching (Active Directory): every group the entry is in, directly or through other groups. */
    private static final String IN_CHAIN = "(member:1.2.840.113556.1.4.1941:={0})";

    @Inject
    DirectorySettings settings;

    Set<String> of(LdapContext context, String dn, Attributes attributes) throws NamingException {
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
                new Object[] {memberDn},
                Searches.controls(settings, SearchControls.SUBTREE_SCOPE, 1000, settings.groupNameAttribute()));
        while (groups.hasMore()) {
            SearchResult group = groups.next();
            String name = Searches.text(group.getAttributes().get(settings.groupNameAttribute()));
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
}
