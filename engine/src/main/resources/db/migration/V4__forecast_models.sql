-- Trained forecast models (issue 4): the model parameters live in files under models/ next to the store;
-- this table says what each file is, what it was trained on, how it backtested, and its SHA-256.
-- Rows are only added: a retrained model is a new row, the newest valid one per tag and spec is used.
CREATE TABLE forecast_models (
    id            VARCHAR(64)                 PRIMARY KEY,
    tag           VARCHAR(200)                NOT NULL,
    spec_hash     CHAR(64)                    NOT NULL,   -- SHA-256 of the canonical feature spec and settings
    family        VARCHAR(20)                 NOT NULL,   -- ridge or xgboost
    features     VARCHAR(1000000)                      NOT NULL,   -- JSON: spec, feature names, strategy, horizon, interval
    trained_from  TIMESTAMP(6) WITH TIME ZONE NOT NULL,   -- first row of the training window (data time)
    trained_to    TIMESTAMP(6) WITH TIME ZONE NOT NULL,   -- last row of the training window (data time)
    train_rows    INT                         NOT NULL,
    trained_at    TIMESTAMP(6) WITH TIME ZONE NOT NULL,   -- wall-clock time of training, for the TTL
    metrics      VARCHAR(1000000)                      NOT NULL,   -- JSON: backtest errors per step, interval half-widths
    reason       VARCHAR(1000000)                      NOT NULL,   -- why this family was chosen
    file          VARCHAR(400)                NOT NULL,   -- model file, relative to the models folder
    content_hash  CHAR(64)                    NOT NULL    -- SHA-256 of the model file
);
CREATE INDEX forecast_models_tag ON forecast_models(tag, spec_hash, trained_at);
