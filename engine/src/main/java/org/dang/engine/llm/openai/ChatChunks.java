package org.dang.engine.llm.openai;

import java.util.Optional;
import java.util.OptionalInt;

import com.fasterxml.jackson.databind.JsonNode;

import org.dang.engine.llm.FinishReason;
import org.dang.engine.llm.stream.ReplyAssembler;

/**
 * Reads {@code chat.completion.chunk} objects (OpenAI-compatible servers, and SageMaker LMI's
 * messages API) into a reply: reasoning fields, content, finish reason, usage, in-stream errors.
 * One per reply; not thread-safe.
 */
public final class ChatChunks {

    private final ReplyAssembler reply;
    private final String source;
    private Optional<FinishReason> finish = Optional.empty();

    /** Feeds {@code reply}; {@code source} names the server in error messages. */
    public ChatChunks(ReplyAssembler reply, String source) {
        this.reply = reply;
        this.source = source;
    }

    /** Handles one chunk; false when the reply has ended (error or budget) and reading should stop. */
    public boolean accept(JsonNode chunk) {
        if (chunk == null || !chunk.isObject()) {
            reply.fail("unexpected chunk from " + source + ": " + chunk);
            return false;
        }
        if (chunk.hasNonNull("error")) {
            JsonNode e = chunk.get("error");
            reply.fail("error from " + source + " during the reply: "
                    + (e.hasNonNull("message") ? e.get("message").asText() : e.isTextual() ? e.asText() : e.toString()));
            return false;
        }
        JsonNode usage = chunk.get("usage");
        if (usage != null && usage.isObject()) {
            reply.reported(intOf(usage, "prompt_tokens"), intOf(usage, "completion_tokens"),
                    intOf(usage.path("completion_tokens_details"), "reasoning_tokens"));
        }
        JsonNode choice = chunk.path("choices").path(0);
        JsonNode delta = choice.has("delta") ? choice.path("delta") : choice.path("message");
        ReplyAssembler.Verdict verdict = ReplyAssembler.Verdict.CONTINUE;
        for (String field : new String[] {"reasoning_content", "reasoning"}) {
            if (delta.path(field).isTextual() && verdict == ReplyAssembler.Verdict.CONTINUE) {
                verdict = reply.reasoning(delta.get(field).asText());
            }
        }
        if (delta.path("content").isTextual() && verdict == ReplyAssembler.Verdict.CONTINUE) {
            verdict = reply.content(delta.get("content").asText());
        }
        if (verdict != ReplyAssembler.Verdict.CONTINUE) {
            reply.finish(verdict);
            return false;
        }
        if (choice.hasNonNull("finish_reason")) {
            String why = choice.get("finish_reason").asText();
            if (why.equals("error")) {
                reply.fail(source + " ended the reply with finish_reason error");
                return false;
            }
            finish = Optional.of(finishReason(why));
        }
        return true;
    }

    /** The stream ended; {@code doneSeen}: it ended with {@code [DONE]}. */
    public void end(boolean doneSeen) {
        if (finish.isPresent()) {
            reply.finish(finish.get(), Optional.empty());
        } else if (doneSeen) {
            reply.finish(FinishReason.STOP, Optional.empty());
        } else {
            reply.fail("the stream from " + source + " ended without a finish_reason or [DONE]:"
                    + " the server stopped mid-reply");
        }
    }

    /** A server's finish reason in the engine's terms: length, or a normal stop (stop, eos_token, stop_sequence). */
    public static FinishReason finishReason(String why) {
        return why.equals("length") ? FinishReason.LENGTH : FinishReason.STOP;
    }

    /** An integer field, if present. */
    public static OptionalInt intOf(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v != null && v.canConvertToInt() ? OptionalInt.of(v.asInt()) : OptionalInt.empty();
    }
}
