-- Portcullis 8: users' tokens name an audience by default (portcullis.tokens.audience). Tokens issued before this
-- upgrade name none; Portcullis still takes those until they expire, and only those: a token without an audience
-- issued after the moment recorded here is refused. On a new installation the moment is its first start.
CREATE TABLE audience_since (
    id    INTEGER      NOT NULL,
    since ${timestamp} NOT NULL,
    CONSTRAINT pk_audience_since PRIMARY KEY (id)
);
INSERT INTO audience_since (id, since) VALUES (1, CURRENT_TIMESTAMP);
