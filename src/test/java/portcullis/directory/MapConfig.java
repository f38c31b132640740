package portcullis.directory;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigValue;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.eclipse.microprofile.config.spi.Converter;

/** Settings from a map, for the directory's classes used outside a server (strings, integers, booleans, durations). */
final class MapConfig implements Config {
    private final Map<String, String> values;

    MapConfig(Map<String, String> values) {
        this.values = values;
    }

    @Override
    public <T> T getValue(String name, Class<T> type) {
        return getOptionalValue(name, type).orElseThrow(() -> new NoSuchElementException(name));
    }

    @Override
    public <T> Optional<T> getOptionalValue(String name, Class<T> type) {
        return Optional.ofNullable(values.get(name)).map(value -> convert(value, type));
    }

    @Override
    public <T> Optional<List<T>> getOptionalValues(String name, Class<T> type) {
        return Optional.ofNullable(values.get(name))
                .map(value -> Arrays.stream(value.split(",")).map(item -> convert(item, type)).toList());
    }

    private static <T> T convert(String value, Class<T> type) {
        Object converted = type == String.class ? value
                : type == Integer.class ? Integer.valueOf(value.strip())
                : type == Boolean.class ? Boolean.valueOf(value.strip())
                : type == Duration.class ? Duration.parse(value.strip())
                : null;
        if (converted == null) {
            throw new IllegalArgumentException("no conversion to " + type);
        }
        return type.cast(converted);
    }

    @Override
    public ConfigValue getConfigValue(String name) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Iterable<String> getPropertyNames() {
        return values.keySet();
    }

    @Override
    public Iterable<ConfigSource> getConfigSources() {
        return List.of();
    }

    @Override
    public <T> Optional<Converter<T>> getConverter(Class<T> type) {
        return Optional.empty();
    }

    @Override
    public <T> T unwrap(Class<T> type) {
        throw new UnsupportedOperationException();
    }
}
