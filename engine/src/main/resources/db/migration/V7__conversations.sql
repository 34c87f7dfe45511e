-- Operator chat memory (issue 9, part 2): every turn of each operator's conversation with the
-- assistant, and rolling summaries of the turns that fell out of the model's context window. Unlike
-- the decision tables these are not append-only: an operator may clear their own conversation (the
-- audit trail keeps every question and answer regardless).
CREATE TABLE conversation_turns (
    operator  VARCHAR(200)                NOT NULL,   -- the signed-in user's name
    seq       BIGINT                      NOT NULL,   -- per operator, from 1
    role      VARCHAR(16)                 NOT NULL,   -- OPERATOR, ASSISTANT or TOOL
    text      CLOB                        NOT NULL,   -- the question, the answer, or the tool step's summary
    tool      VARCHAR(1000000),                       -- JSON: tool request and result, proposal cards; null for plain text
    at        TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    PRIMARY KEY (operator, seq)
);

CREATE TABLE conversation_summaries (
    operator  VARCHAR(200)                NOT NULL,
    up_to_seq BIGINT                      NOT NULL,   -- the summary covers the operator's turns 1..up_to_seq
    summary   VARCHAR(1000000)            NOT NULL,
    method    VARCHAR(16)                 NOT NULL,   -- MODEL (the language model wrote it) or EXTRACTIVE (deterministic)
    at        TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    PRIMARY KEY (operator, up_to_seq)
);
