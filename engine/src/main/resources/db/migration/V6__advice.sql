-- Model-assisted decisions (issue 9): what the advisor asked, what the model answered, and what the
-- engine made of it. One advice row per question to the model; advice_decisions links every decision
-- made in that cycle to it, so any of them can be replayed. Both tables are append-only.
CREATE TABLE advice (
    id               UUID                        PRIMARY KEY,
    asked_at         TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    situation_hash   CHAR(64)                    NOT NULL,   -- the stored situation the rules and the model saw
    asked_because    VARCHAR(1000000)            NOT NULL,   -- JSON list of ambiguity reasons
    operator_text    VARCHAR(1000000)            NOT NULL,   -- the operator's question, empty when the rules asked
    prompt_version   VARCHAR(64)                 NOT NULL,
    prompt_hash      CHAR(64)                    NOT NULL,   -- SHA-256 of the filled prompt
    model_backend    VARCHAR(100)                NOT NULL,
    model_id         VARCHAR(400)                NOT NULL,
    finish           VARCHAR(32)                 NOT NULL,   -- FinishReason, or TIMEOUT when no reply came in time
    reasoning        CLOB                        NOT NULL,
    raw_output       CLOB                        NOT NULL,   -- the answer exactly as the model gave it
    parsed           VARCHAR(1000000),                       -- JSON of the validated decision; null when it did not parse
    overrule_reason  VARCHAR(32),                            -- null when the model's decision stood
    overrule_detail  VARCHAR(1000000),
    latency_us       BIGINT                      NOT NULL,   -- asking to final message
    recent           VARCHAR(1000000)            NOT NULL    -- JSON: the recent decisions the prompt showed
);
CREATE INDEX advice_time ON advice(asked_at);

CREATE TABLE advice_decisions (
    decision_id UUID PRIMARY KEY,
    advice_id   UUID NOT NULL REFERENCES advice(id)
);
CREATE INDEX advice_decisions_advice ON advice_decisions(advice_id);

CREATE TRIGGER advice_append_only BEFORE UPDATE, DELETE ON advice
    FOR EACH ROW CALL 'org.dang.engine.store.AppendOnlyTrigger';
CREATE TRIGGER advice_decisions_append_only BEFORE UPDATE, DELETE ON advice_decisions
    FOR EACH ROW CALL 'org.dang.engine.store.AppendOnlyTrigger';
