-- Portcullis 7: administrator standing belongs to an account (granted and taken away by administrators, audited),
-- no longer to whoever holds an email named in the configuration. The accounts that the configuration's
-- portcullis.users.admin-emails made administrators until now keep it: version 7.1 (ConfiguredAdministrators)
-- grants it to them once, as part of this upgrade.
ALTER TABLE accounts ADD COLUMN administrator ${boolean} DEFAULT ${false} NOT NULL;
