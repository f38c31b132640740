package portcullis.shadowaccounts;

import java.util.Set;

/**
 * A person as an outside source (the directory) describes them at sign-in: {@code source} and {@code externalId}
 * identify them for good; the rest is refreshed into their account every time.
 */
public record ManagedProfile(String source, String externalId, String email, String username, String name,
        Set<String> groups) {
}
