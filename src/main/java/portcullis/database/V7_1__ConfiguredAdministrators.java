package portcullis.database;

import java.sql.PreparedStatement;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.config.ConfigProvider;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Schema version 7.1, part of the upgrade to administrators by account: the accounts that existed at the upgrade
 * and whose emails {@code portcullis.users.admin-emails} named were administrators under the old rule, and stay
 * administrators. It runs once; on a new installation there is no account yet, so the key grants nothing to anyone
 * who registers later.
 */
class V7_1__ConfiguredAdministrators extends BaseJavaMigration {
    static final String KEY = "portcullis.users.admin-emails";

    @Override
    public void migrate(Context context) throws Exception {
        List<String> emails = ConfigProvider.getConfig().getOptionalValues(KEY, String.class).orElse(List.of());
        try (PreparedStatement grant = context.getConnection().prepareStatement(
                "UPDATE accounts SET administrator = ? WHERE email = ?")) {
            for (String email : emails) {
                grant.setBoolean(1, true);
                grant.setString(2, email.strip().toLowerCase(Locale.ROOT));
                grant.executeUpdate();
            }
        }
    }
}
