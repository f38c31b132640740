-- Portcullis 6: identity providers' tokens already exchanged for Portcullis tokens, remembered until they expire so
-- that none is exchanged twice, whichever node it reaches. The key is the provider's name and the token's jti (or
-- "sha256:" and a hash of its signed part, for providers that send no jti).
CREATE TABLE exchanged_tokens (
    provider   VARCHAR(28)  NOT NULL,
    token_key  VARCHAR(260) NOT NULL,
    expires_at ${timestamp} NOT NULL,
    CONSTRAINT pk_exchanged_tokens PRIMARY KEY (provider, token_key)
);
CREATE INDEX ix_exchanged_tokens_expiry ON exchanged_tokens (expires_at);
