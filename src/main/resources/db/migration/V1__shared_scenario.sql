-- Shared scenarios and teacher-made exercises, kept forever under content-derived ids.
-- Runs unchanged on H2 2.x and PostgreSQL. The user's strings are stored as their UTF-8 bytes, so
-- they come back exactly as typed whatever the server encoding (PostgreSQL text cannot hold NUL).
-- Read them in psql with convert_from(text_utf8, 'UTF8').
CREATE TABLE shared_scenario (
    id             VARCHAR(16) NOT NULL,
    kind           VARCHAR(16) NOT NULL,
    text_utf8      BYTEA       NOT NULL,
    probes_utf8    BYTEA       NOT NULL,
    externals_utf8 BYTEA       NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL,
    CONSTRAINT shared_scenario_pk PRIMARY KEY (id),
    CONSTRAINT shared_scenario_kind CHECK (kind IN ('scenario', 'exercise'))
);
