-- History filters (dang history, GET /decisions, the history view) count every match and page newest
-- first. Without an index a filter on action or source read every decision row to count; these
-- indexes end in seq, so the count reads only the index and the page's newest seqs come from it too
-- (see DecisionStore.query). Module already has decisions_module; text (a substring of rationale,
-- triggers or situation id) cannot use a B-tree index and still scans (docs/benchmarks.md).
CREATE INDEX decisions_action ON decisions(action, seq);
CREATE INDEX decisions_source ON decisions(source, seq);
