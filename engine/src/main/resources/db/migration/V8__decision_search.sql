-- Text search of the history (dang history --text, GET /decisions?text=, the history view's filter box): a
-- case-insensitive substring of rationale, triggers or situation id. No B-tree index serves a substring, so
-- matching reads every decision; this narrow table holds one lowercased line per decision (rationale,
-- triggers, situation id, separated by line feeds), so that scan reads a few hundred bytes per decision
-- instead of whole rows, and no LOWER() per row. The store's writer fills it with each decision; this
-- migration fills it for the decisions already stored. Append-only like decisions.
CREATE TABLE decision_search (
    seq   BIGINT          PRIMARY KEY REFERENCES decisions(seq),
    text  VARCHAR(3000000) NOT NULL
);
INSERT INTO decision_search (seq, text)
    SELECT seq, LOWER(rationale || CHAR(10) || triggers || CHAR(10) || situation_id) FROM decisions;
CREATE TRIGGER decision_search_append_only BEFORE UPDATE, DELETE ON decision_search
    FOR EACH ROW CALL 'org.dang.engine.store.AppendOnlyTrigger';
