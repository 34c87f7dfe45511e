package org.dang.engine.server;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.dang.engine.advisor.Advice;
import org.dang.engine.advisor.AdviceListener;
import org.dang.engine.advisor.PendingAdvice;
import org.dang.engine.json.Json;
import org.dang.engine.store.StoredDecision;

/**
 * The advisor's questions as {@code advice} events on {@code /events}: asked, answered, overruled (with
 * why), so a remote advisor panel shows a question the moment it is held. Streamed reasoning is not
 * sent (a token at a time would flood the stream); a panel reads it from {@code /advisor/pending}.
 */
final class AdviceEvents implements AdviceListener {

    private final EventHub events;

    AdviceEvents(EventHub events) {
        this.events = events;
    }

    @Override
    public void asked(PendingAdvice request) {
        publish("ASKED", request, null);
    }

    @Override
    public void answered(PendingAdvice request, Advice advice, List<StoredDecision> decisions) {
        publish("ANSWERED", request, null);
    }

    @Override
    public void overruled(PendingAdvice request, Advice advice, List<StoredDecision> decisions) {
        publish("OVERRULED", request, advice.verdict().overrule().map(o -> o.reason().name()).orElse(null));
    }

    private void publish(String event, PendingAdvice request, String overruleReason) {
        if (!events.hasSubscribers()) {
            return;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("event", event);
        m.put("overrule_reason", overruleReason);
        m.putAll(AdvisorRoute.fields(request));
        events.publish("advice", Json.write(m));
    }
}
