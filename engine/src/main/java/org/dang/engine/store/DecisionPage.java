package org.dang.engine.store;

import java.util.List;

/** One page of a history query, newest first, with the total count of matches. */
public record DecisionPage(List<StoredDecision> items, long total, int offset, int limit) {
    public DecisionPage {
        items = List.copyOf(items);
    }

    /** True when more matches follow this page. */
    public boolean hasMore() {
        return offset + items.size() < total;
    }
}
