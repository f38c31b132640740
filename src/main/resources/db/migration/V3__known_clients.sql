-- Portcullis 3: (account, client address) pairs that logged in successfully, so that failures of others on the same
-- address (an office behind one NAT, a balancer) do not keep those users out. Stored as a hash of the pair.
CREATE TABLE known_clients (
    client_key   VARCHAR(64)  NOT NULL,
    last_success ${timestamp} NOT NULL,
    CONSTRAINT pk_known_clients PRIMARY KEY (client_key)
);
CREATE INDEX ix_known_clients_last_success ON known_clients (last_success);
