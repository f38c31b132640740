package portcullis.directory;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import portcullis.shadowaccounts.GroupMapping;

/**
 * {@code portcullis.directory.*}, read and checked once: a wrong setting fails the deployment, not the first login.
 * List-valued keys are read through the Config API (Payara cannot inject {@code Optional<List<String>>}).
 */
@ApplicationScoped
public class DirectorySettings {
    static final String PREFIX = "portcullis.directory.";

    /** Which is asked first when a login name could be either. */
    enum Order { LOCAL_FIRST, DIRECTORY_FIRST }

    /** How a user's groups are found. */
    enum GroupLookup { MEMBER_OF, SEARCH }

    /** How nested groups are followed. */
    enum Nesting { NONE, IN_CHAIN, EXPAND }

    @Inject
    Config config;

    private List<URI> urls;
    private String bindDn;
    private String bindPassword;
    private String userBase;
    private String userFilter;
    private String disabledFilter;
    private String idAttribute;
    private String emailAttribute;
    private String usernameAttribute;
    private String nameAttribute;
    private GroupLookup groupLookup;
    private String groupBase;
    private String groupFilter;
    private String groupNameAttribute;
    private Nesting nesting;
    private int nestingDepth;
    private GroupMapping groupMapping = GroupMapping.NONE;
    private Duration connectTimeout;
    private Duration readTimeout;
    private int poolSize;
    private Optional<String> trustStore;
    private String trustStorePassword;
    private String trustStoreType;
    private boolean followReferrals;
    private Order order;
    private boolean readinessRequired;

    @PostConstruct
    void read() {
        urls = list("urls").stream().map(DirectorySettings::url).toList();
        if (urls.isEmpty()) {
            return;
        }
        if (urls.stream().map(url -> url.getScheme().toLowerCase(Locale.ROOT)).distinct().count() > 1) {
            throw invalid("urls", "must all be ldaps:// or all ldap:// (StartTLS)");
        }
        bindDn = required("bind-dn");
        bindPassword = required("bind-password");
        userBase = required("user-base");
        userFilter = text("user-filter", "(&(objectClass=person)(|(mail={0})(uid={0})(userPrincipalName={0})"
                + "(sAMAccountName={0})))");
        if (!userFilter.contains("{0}")) {
            throw invalid("user-filter", "must contain {0}, where the login name goes");
        }
        disabledFilter = text("disabled-filter", "(|(pwdAccountLockedTime=*)(nsAccountLock=true)"
                + "(userAccountControl:1.2.840.113556.1.4.803:=2))");
        idAttribute = text("id-attribute", "entryUUID");
        emailAttribute = text("email-attribute", "mail");
        usernameAttribute = text("username-attribute", "uid");
        nameAttribute = text("name-attribute", "cn");
        groupLookup = choice("groups", GroupLookup.class, GroupLookup.MEMBER_OF);
        groupBase = text("group-base", userBase);
        groupFilter = text("group-filter", "(|(member={0})(uniqueMember={0}))");
        groupNameAttribute = text("group-name-attribute", "cn");
        nesting = choice("nested-groups", Nesting.class, Nesting.EXPAND);
        nestingDepth = config.getOptionalValue(PREFIX + "nested-groups-depth", Integer.class).orElse(5);
        groupMapping = GroupMapping.read(config, PREFIX);
        connectTimeout = config.getOptionalValue(PREFIX + "connect-timeout", Duration.class).orElse(Duration.ofSeconds(3));
        readTimeout = config.getOptionalValue(PREFIX + "read-timeout", Duration.class).orElse(Duration.ofSeconds(5));
        poolSize = config.getOptionalValue(PREFIX + "pool-size", Integer.class).orElse(8);
        trustStore = config.getOptionalValue(PREFIX + "trust-store", String.class);
        trustStorePassword = text("trust-store-password", "");
        trustStoreType = text("trust-store-type", "PKCS12");
        followReferrals = config.getOptionalValue(PREFIX + "follow-referrals", Boolean.class).orElse(false);
        order = choice("order", Order.class, Order.LOCAL_FIRST);
        readinessRequired = config.getOptionalValue(PREFIX + "readiness-required", Boolean.class).orElse(false);
        if (poolSize < 1 || nestingDepth < 0 || connectTimeout.isNegative() || connectTimeout.isZero()
                || readTimeout.isNegative() || readTimeout.isZero()) {
            throw invalid("pool-size, nested-groups-depth, connect-timeout or read-timeout", "is out of range");
        }
    }

    /** A wrong setting fails the deployment instead of the first directory login. */
    void validateAtStartup(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // Observing makes the container create this bean now, and read() throws for a wrong setting.
    }

    private static URI url(String text) {
        URI url = URI.create(text.strip());
        String scheme = String.valueOf(url.getScheme()).toLowerCase(Locale.ROOT);
        if (!scheme.equals("ldaps") && !scheme.equals("ldap") || url.getHost() == null) {
            throw invalid("urls", "must be ldaps://host:port or ldap://host:port (then with StartTLS): " + text);
        }
        return url;
    }

    private List<String> list(String key) {
        return config.getOptionalValues(PREFIX + key, String.class).orElse(List.of()).stream()
                .map(String::strip).filter(value -> !value.isEmpty()).toList();
    }

    private String required(String key) {
        return config.getOptionalValue(PREFIX + key, String.class).filter(value -> !value.isBlank())
                .orElseThrow(() -> invalid(key, "is required when portcullis.directory.urls is set"));
    }

    private String text(String key, String fallback) {
        return config.getOptionalValue(PREFIX + key, String.class).orElse(fallback);
    }

    private <E extends Enum<E>> E choice(String key, Class<E> type, E fallback) {
        String value = text(key, fallback.name()).strip().toUpperCase(Locale.ROOT).replace('-', '_');
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException unknown) {
            throw invalid(key, "is not one of " + List.of(type.getEnumConstants()).toString().toLowerCase(Locale.ROOT)
                    .replace('_', '-'));
        }
    }

    private static IllegalStateException invalid(String key, String problem) {
        return new IllegalStateException(PREFIX + key + " " + problem);
    }

    boolean isOn() {
        return !urls.isEmpty();
    }

    List<URI> urls() { return urls; }
    String bindDn() { return bindDn; }
    String bindPassword() { return bindPassword; }
    String userBase() { return userBase; }
    String userFilter() { return userFilter; }
    String disabledFilter() { return disabledFilter; }
    String idAttribute() { return idAttribute; }
    String emailAttribute() { return emailAttribute; }
    String usernameAttribute() { return usernameAttribute; }
    String nameAttribute() { return nameAttribute; }
    GroupLookup groupLookup() { return groupLookup; }
    String groupBase() { return groupBase; }
    String groupFilter() { return groupFilter; }
    String groupNameAttribute() { return groupNameAttribute; }
    Nesting nesting() { return nesting; }
    int nestingDepth() { return nestingDepth; }
    GroupMapping groupMapping() { return groupMapping; }
    Duration connectTimeout() { return connectTimeout; }
    Duration readTimeout() { return readTimeout; }
    int poolSize() { return poolSize; }
    Optional<String> trustStore() { return trustStore; }
    String trustStorePassword() { return trustStorePassword; }
    String trustStoreType() { return trustStoreType; }
    boolean followReferrals() { return followReferrals; }
    Order order() { return order; }
    boolean readinessRequired() { return readinessRequired; }
}
