package portcullis.database;

import java.util.Map;

/** The few type names the schema scripts spell differently per database, filled into their placeholders. */
public enum Dialect {
    DERBY(Map.of("timestamp", "TIMESTAMP", "boolean", "SMALLINT", "false", "0")),
    POSTGRESQL(Map.of("timestamp", "TIMESTAMPTZ", "boolean", "BOOLEAN", "false", "FALSE"));

    private final Map<String, String> placeholders;

    Dialect(Map<String, String> placeholders) {
        this.placeholders = placeholders;
    }

    public Map<String, String> placeholders() {
        return placeholders;
    }

    /** From the JDBC driver's product name. */
    public static Dialect of(String databaseProductName) {
        if (databaseProductName.contains("Derby")) {
            return DERBY;
        }
        if (databaseProductName.contains("PostgreSQL")) {
            return POSTGRESQL;
        }
        throw new IllegalStateException("No schema migrations for " + databaseProductName
                + " (Derby and PostgreSQL have them)");
    }
}
