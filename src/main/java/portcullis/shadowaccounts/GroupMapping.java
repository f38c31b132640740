package portcullis.shadowaccounts;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.Config;
import portcullis.organisations.Domains;

/**
 * What outside groups grant, from {@code <prefix>group-roles} (token groups) and {@code <prefix>group-organisations}
 * (organisation domains): {@code group=value|value,…}, group names compared case-insensitively. A group that is not
 * named grants nothing. Read and checked once; a wrong entry fails the deployment.
 */
public final class GroupMapping {
    public static final GroupMapping NONE = new GroupMapping(Map.of(), Map.of());
    private static final Pattern TOKEN_GROUP = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    private final Map<String, List<String>> roles;
    private final Map<String, List<String>> organisations;

    private GroupMapping(Map<String, List<String>> roles, Map<String, List<String>> organisations) {
        this.roles = roles;
        this.organisations = organisations;
    }

    /** The mapping configured under {@code prefix} (such as {@code portcullis.directory.}). */
    public static GroupMapping read(Config config, String prefix) {
        Map<String, List<String>> roles = entries(config, prefix + "group-roles");
        roles.values().stream().flatMap(Collection::stream).filter(role -> !TOKEN_GROUP.matcher(role).matches())
                .findFirst().ifPresent(role -> {
                    throw new IllegalStateException(prefix + "group-roles: " + role
                            + " is not a token group name ([A-Za-z0-9_.-], at most 64)");
                });
        Map<String, List<String>> organisations = entries(config, prefix + "group-organisations").entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey,
                        entry -> entry.getValue().stream().map(Domains::normalise).toList()));
        return new GroupMapping(roles, organisations);
    }

    /** The token groups the outside groups grant. */
    public Set<String> tokenGroups(Collection<String> outsideGroups) {
        return granted(roles, outsideGroups);
    }

    /** The organisation domains the outside groups grant. */
    public Set<String> organisations(Collection<String> outsideGroups) {
        return granted(organisations, outsideGroups);
    }

    /** Every organisation the mapping can grant: memberships in these follow the groups, others are left alone. */
    Set<String> mappedOrganisations() {
        return new TreeSet<>(organisations.values().stream().flatMap(Collection::stream).toList());
    }

    private static Set<String> granted(Map<String, List<String>> mapping, Collection<String> groups) {
        Set<String> granted = new TreeSet<>();
        groups.forEach(group -> granted.addAll(mapping.getOrDefault(group.toLowerCase(Locale.ROOT), List.of())));
        return Set.copyOf(granted);
    }

    /** {@code group=value|value,group=value}: group names (lower case) to what they grant. */
    private static Map<String, List<String>> entries(Config config, String key) {
        Map<String, List<String>> mapping = new LinkedHashMap<>();
        List<String> entries = config.getOptionalValues(key, String.class).orElse(List.of()).stream()
                .map(String::strip).filter(value -> !value.isEmpty()).toList();
        for (String entry : entries) {
            int equals = entry.indexOf('=');
            if (equals <= 0 || equals == entry.length() - 1) {
                throw new IllegalStateException(key + " entries must be group=value (several values separated by |): "
                        + entry);
            }
            mapping.put(entry.substring(0, equals).strip().toLowerCase(Locale.ROOT),
                    List.of(entry.substring(equals + 1).strip().split("\\s*\\|\\s*")));
        }
        return Map.copyOf(mapping);
    }
}
