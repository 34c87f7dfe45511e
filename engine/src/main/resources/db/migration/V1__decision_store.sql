-- DAN_G decision store. Decisions, outcomes, alarm events and audit events are append-only:
-- triggers refuse UPDATE and DELETE, and decisions are additionally hash-chained (see docs/decision-store.md).

-- The situations decisions were made from, stored once per distinct content.
CREATE TABLE situations (
    hash          CHAR(64)                    PRIMARY KEY,   -- SHA-256 of body
    situation_id  VARCHAR(200)                NOT NULL,
    body         VARCHAR(1000000)                      NOT NULL,      -- canonical JSON
    recorded_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL
);

CREATE TABLE decisions (
    seq            BIGINT                      PRIMARY KEY,  -- 1, 2, 3 ... in chain order
    id             UUID                        NOT NULL UNIQUE,
    decided_at     TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    situation_id   VARCHAR(200)                NOT NULL,
    situation_hash CHAR(64)                    NOT NULL REFERENCES situations(hash),
    triggers      VARCHAR(1000000)                      NOT NULL,     -- canonical JSON list of {kind, detail}
    action         VARCHAR(8)                  NOT NULL,
    module         VARCHAR(20),
    priority       VARCHAR(20),
    parameters    VARCHAR(1000000)                      NOT NULL,     -- canonical JSON object
    rationale     VARCHAR(1000000)                      NOT NULL,
    reasoning     VARCHAR(1000000)                      NOT NULL,
    confidence     DOUBLE PRECISION            NOT NULL,
    source         VARCHAR(16)                 NOT NULL,
    latency_us     BIGINT                      NOT NULL,
    prev_hash      CHAR(64)                    NOT NULL,
    hash           CHAR(64)                    NOT NULL UNIQUE
);
CREATE INDEX decisions_time ON decisions(decided_at);
CREATE INDEX decisions_module ON decisions(module, decided_at);

-- Outcomes arrive after the decision; kept apart so decisions stay append-only.
CREATE TABLE decision_outcomes (
    id           BIGINT AUTO_INCREMENT       PRIMARY KEY,
    decision_id  UUID                        NOT NULL REFERENCES decisions(id),
    recorded_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    status       VARCHAR(20)                 NOT NULL,
    detail      VARCHAR(1000000)                      NOT NULL
);
CREATE INDEX decision_outcomes_decision ON decision_outcomes(decision_id, id);

CREATE TABLE module_runs (
    run_id       VARCHAR(64)                 PRIMARY KEY,
    module       VARCHAR(20)                 NOT NULL,
    priority     VARCHAR(20)                 NOT NULL,
    request     VARCHAR(1000000)                      NOT NULL,
    status       VARCHAR(20)                 NOT NULL,
    queued_at    TIMESTAMP(6) WITH TIME ZONE,
    finished_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    duration_ms  BIGINT,
    attempts     INT                         NOT NULL,
    from_cache   BOOLEAN                     NOT NULL,
    detail      VARCHAR(1000000)                      NOT NULL    -- result summary or error
);
CREATE INDEX module_runs_time ON module_runs(module, finished_at);

-- ISA-18.2 alarm history: one row per state change (raised, cleared, acknowledged, shelved ...).
CREATE TABLE alarm_events (
    id          BIGINT AUTO_INCREMENT       PRIMARY KEY,
    at          TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    tag         VARCHAR(200)                NOT NULL,
    alarm       VARCHAR(200)                NOT NULL,
    event       VARCHAR(20)                 NOT NULL,
    priority    VARCHAR(10)                 NOT NULL,
    actor       VARCHAR(100),
    reason      VARCHAR(1000000),
    detail     VARCHAR(1000000)                      NOT NULL
);
CREATE INDEX alarm_events_time ON alarm_events(at);

-- Who did what, when, from where, and the result.
CREATE TABLE audit_events (
    id        BIGINT AUTO_INCREMENT       PRIMARY KEY,
    at        TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    actor     VARCHAR(100)                NOT NULL,
    role      VARCHAR(20)                 NOT NULL,
    action    VARCHAR(60)                 NOT NULL,
    target    VARCHAR(400)                NOT NULL,
    origin    VARCHAR(200)                NOT NULL,
    result    VARCHAR(20)                 NOT NULL,
    detail   VARCHAR(1000000)                      NOT NULL
);
CREATE INDEX audit_events_time ON audit_events(at);

CREATE TABLE chat_messages (
    id               BIGINT AUTO_INCREMENT       PRIMARY KEY,
    conversation_id  VARCHAR(64)                 NOT NULL,
    at               TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    author           VARCHAR(100)                NOT NULL,  -- operator's user name, or the model id
    role             VARCHAR(12)                 NOT NULL,  -- USER or ASSISTANT
    content         VARCHAR(1000000)                      NOT NULL,
    reasoning       VARCHAR(1000000)                      NOT NULL,
    backend          VARCHAR(40),
    tokens_in        INT,
    tokens_out       INT,
    latency_ms       BIGINT
);
CREATE INDEX chat_messages_conversation ON chat_messages(conversation_id, id);

CREATE TRIGGER decisions_append_only BEFORE UPDATE, DELETE ON decisions
    FOR EACH ROW CALL 'org.dang.engine.store.AppendOnlyTrigger';
CREATE TRIGGER situations_append_only BEFORE UPDATE, DELETE ON situations
    FOR EACH ROW CALL 'org.dang.engine.store.AppendOnlyTrigger';
CREATE TRIGGER decision_outcomes_append_only BEFORE UPDATE, DELETE ON decision_outcomes
    FOR EACH ROW CALL 'org.dang.engine.store.AppendOnlyTrigger';
CREATE TRIGGER alarm_events_append_only BEFORE UPDATE, DELETE ON alarm_events
    FOR EACH ROW CALL 'org.dang.engine.store.AppendOnlyTrigger';
CREATE TRIGGER audit_events_append_only BEFORE UPDATE, DELETE ON audit_events
    FOR EACH ROW CALL 'org.dang.engine.store.AppendOnlyTrigger';
