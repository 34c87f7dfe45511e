package org.dang.engine.server;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

import org.dang.engine.Engine;
import org.dang.engine.access.Action;
import org.dang.engine.access.User;
import org.dang.engine.module.optimize.ProposalClosedException;
import org.dang.engine.module.optimize.ProposalDesk;

/**
 * The optimisation proposals of the attached unit: {@code GET /optimization/proposals} lists the open
 * ones; approve (selected rows) and reject (a reason) go through the engine's {@link ProposalDesk},
 * which checks the role, re-checks the rows with the safety layer and audits, as from the console.
 */
final class ProposalsRoute {

    /** The body of {@code POST /optimization/proposals/{id}/approve}. */
    record ApproveRequest(List<String> selected) {
    }

    /** The body of {@code POST /optimization/proposals/{id}/reject}. */
    record RejectRequest(String reason) {
    }

    private final Engine engine;

    ProposalsRoute(Engine engine) {
        this.engine = engine;
    }

    /** {@code GET /optimization/proposals}: the open proposals, newest first. */
    void list(HttpCall call, User user) throws IOException {
        call.query(Set.of());
        call.json(200, Map.of("proposals", desk().openProposals()));
    }

    /** {@code POST /optimization/proposals/{id}/approve} with {@code {"selected": ["coil_outlet_temp", ...]}}. */
    void approve(HttpCall call, User user) throws IOException {
        call.query(Set.of());
        ProposalDesk desk = desk();
        String id = call.segments()[2];
        ApproveRequest body = body(call, user, Action.APPROVE_SETPOINT, id, ApproveRequest.class);
        if (body.selected() == null || body.selected().isEmpty()) {
            throw refused(user, Action.APPROVE_SETPOINT, id, ApiException.invalid("selected",
                    "selected: name the setpoint rows to approve, e.g. [\"coil_outlet_temp\"]"));
        }
        Set<String> selected = new LinkedHashSet<>(body.selected());
        answer(call, id, () -> desk.approve(user, id, selected));
    }

    /** {@code POST /optimization/proposals/{id}/reject} with {@code {"reason": "..."}}. */
    void reject(HttpCall call, User user) throws IOException {
        call.query(Set.of());
        ProposalDesk desk = desk();
        String id = call.segments()[2];
        RejectRequest body = body(call, user, Action.REJECT_SETPOINT, id, RejectRequest.class);
        if (body.reason() == null || body.reason().isBlank()) {
            throw refused(user, Action.REJECT_SETPOINT, id, ApiException.invalid("reason",
                    "reason: say why the proposal is rejected (it goes into the audit trail)"));
        }
        answer(call, id, () -> desk.reject(user, id, body.reason()));
    }

    private ProposalDesk desk() {
        return engine.proposals().orElseThrow(() -> new ApiException(409, "no_setpoint_unit", null,
                "no unit that takes setpoint moves is attached to this engine, so there are no optimisation"
                        + " proposals (dang serve --source simulator)"));
    }

    /** Reads the body; a bad one is audited (after the role check) like any refused write. */
    private <T> T body(HttpCall call, User user, Action action, String id, Class<T> type) throws IOException {
        byte[] raw = call.body();
        try {
            return JsonBody.read(raw, type);
        } catch (ApiException e) {
            throw refused(user, action, id, e);
        }
    }

    private ApiException refused(User user, Action action, String id, ApiException e) {
        engine.actions().perform(user, action, "optimisation proposal " + id, () -> {
            throw e;
        });
        return e;
    }

    private static void answer(HttpCall call, String id, java.util.function.Supplier<String> work) throws IOException {
        String detail;
        try {
            detail = work.get();
        } catch (NoSuchElementException e) {
            throw new ApiException(404, "unknown_proposal", "id", e.getMessage());
        } catch (ProposalClosedException e) {
            throw new ApiException(409, "proposal_closed", "id", e.getMessage());
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("selected", e.getMessage());
        } catch (IllegalStateException e) {
            throw new ApiException(409, "safety_refused", null, e.getMessage());
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("done", true);
        m.put("proposal", id);
        m.put("detail", detail);
        call.json(200, m);
    }
}
