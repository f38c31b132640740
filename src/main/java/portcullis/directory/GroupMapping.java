package portcullis.directory;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import portcullis.organisations.Domains;

/**
 * What directory groups grant, from {@code portcullis.directory.group-roles} (token groups) and
 * {@code portcullis.directory.group-organisations} (organisation domains): {@code group=value|value,…}, group names
 * compared case-insensitively. A group that is not named grants nothing.
 */
@ApplicationScoped
public class GroupMapping {
    private static final Pattern TOKEN_GROUP = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    @Inject
    DirectorySettings settings;

    private Map<String, List<String>> roles;
    private Map<String, List<String>> organisations;

    @PostConstruct
    void check() {
        if (!settings.isOn()) {
            roles = Map.of();
            organisations = Map.of();
            return;
        }
        roles = settings.groupRoles();
        roles.values().stream().flatMap(Collection::stream).filter(role -> !TOKEN_GROUP.matcher(role).matches())
                .findFirst().ifPresent(role -> {
                    throw new IllegalStateException(DirectorySettings.PREFIX + "group-roles: " + role
                            + " is not a token group name ([A-Za-z0-9_.-], at most 64)");
                });
        organisations = Map.copyOf(settings.groupOrganisations().entrySet().stream().collect(
                java.util.stream.Collectors.toMap(Map.Entry::getKey,
                        entry -> entry.getValue().stream().map(Domains::normalise).toList())));
    }

    Set<String> tokenGroups(Set<String> directoryGroups) {
        return granted(roles, directoryGroups);
    }

    Set<String> organisations(Set<String> directoryGroups) {
        return granted(organisations, directoryGroups);
    }

    /** Every organisation the mapping can grant: memberships in these follow the directory, others are left alone. */
    Set<String> mappedOrganisations() {
        return new TreeSet<>(organisations.values().stream().flatMap(Collection::stream).toList());
    }

    private static Set<String> granted(Map<String, List<String>> mapping, Set<String> groups) {
        Set<String> granted = new TreeSet<>();
        groups.forEach(group -> granted.addAll(mapping.getOrDefault(group, List.of())));
        return Set.copyOf(granted);
    }
}
