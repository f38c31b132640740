-- Portcullis 5: accounts whose password lives elsewhere (the corporate directory; later an identity provider).

-- Who manages the account's password ('directory'), NULL for Portcullis's own accounts; and the token groups the
-- manager grants (space-separated), refreshed at every login.
ALTER TABLE accounts ADD COLUMN managed_by VARCHAR(32);
ALTER TABLE accounts ADD COLUMN granted_groups VARCHAR(1024);

-- The link from an outside identity (the directory's entryUUID or objectGUID) to its account: made once, so that
-- an email changed outside can never move the person onto another account.
CREATE TABLE external_identities (
    source      VARCHAR(64)  NOT NULL,
    external_id VARCHAR(255) NOT NULL,
    account_id  BIGINT       NOT NULL,
    linked_at   ${timestamp} NOT NULL,
    CONSTRAINT pk_external_identities PRIMARY KEY (source, external_id),
    CONSTRAINT fk_external_identities_account FOREIGN KEY (account_id) REFERENCES accounts (id) ON DELETE CASCADE
);
CREATE INDEX ix_external_identities_account ON external_identities (account_id);
