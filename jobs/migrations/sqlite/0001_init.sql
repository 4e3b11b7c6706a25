CREATE TABLE submissions (
    id TEXT PRIMARY KEY NOT NULL,
    problem TEXT NOT NULL,
    language TEXT NOT NULL,
    source TEXT NOT NULL,
    kind TEXT NOT NULL,
    custom_input TEXT,
    status TEXT NOT NULL,
    verdict TEXT,
    attempt BIGINT NOT NULL DEFAULT 0,
    result_attempt BIGINT,
    result TEXT,
    time_ms DOUBLE PRECISION,
    memory_bytes BIGINT,
    trace_id TEXT NOT NULL,
    callback_url TEXT,
    client_id TEXT,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX submissions_status ON submissions (status, updated_at);
CREATE INDEX submissions_created ON submissions (created_at);
CREATE INDEX submissions_problem ON submissions (problem, created_at);

CREATE TABLE events (
    submission_id TEXT NOT NULL,
    seq BIGINT NOT NULL,
    kind TEXT NOT NULL,
    data TEXT NOT NULL,
    PRIMARY KEY (submission_id, seq)
);
