package org.dang.engine.llm.sagemaker;

import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.dang.engine.llm.ChatMessage;
import org.dang.engine.llm.ChatRequest;
import org.dang.engine.llm.ChatRole;
import org.dang.engine.llm.FinishReason;
import org.dang.engine.llm.openai.ChatChunks;
import org.dang.engine.llm.prompt.DeepSeekR1Prompt;
import org.dang.engine.llm.stream.ReplyAssembler;

/**
 * The request and response bodies of the containers that serve DeepSeek-R1 on SageMaker:
 * <ul>
 * <li>{@code lmi}: DJL LMI's {@code {"inputs", "parameters"}} with the R1 prompt text; streams JSON
 * lines {@code {"token": {"id", "text", "log_prob"}}}, the last with {@code generated_text} and
 * {@code details.finish_reason};</li>
 * <li>{@code messages}: LMI's OpenAI-style {@code {"messages"}} body; streams
 * {@code chat.completion.chunk} JSON lines;</li>
 * <li>{@code tgi}: Hugging Face TGI's {@code {"inputs", "parameters"}}; streams SSE
 * {@code data:{"token": {"id", "text", "logprob", "special"}}} events.</li>
 * </ul>
 * LMI's default {@code max_new_tokens} is 30, so the budget is always sent.
 */
public enum PayloadFormat {
    /** DJL Large Model Inference, inputs/parameters. */
    LMI,
    /** LMI's chat-completions schema. */
    MESSAGES,
    /** Text Generation Inference. */
    TGI;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The format named in config (lmi, messages, tgi). */
    public static PayloadFormat of(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }

    /** The config name. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The request body. */
    String body(ChatRequest request, String model, boolean stream) {
        ObjectNode b = JSON.createObjectNode();
        double temperature = request.sampling().temperature();
        if (this == MESSAGES) {
            b.put("model", model);
            ArrayNode messages = b.putArray("messages");
            for (ChatMessage m : DeepSeekR1Prompt.messages(request)) {
                messages.addObject().put("role", m.role() == ChatRole.USER ? "user" : "assistant")
                        .put("content", m.content());
            }
            b.put("max_tokens", request.budget().maxTokens());
            b.put("temperature", temperature);
            b.put("top_p", request.sampling().topP());
            request.sampling().seed().ifPresent(s -> b.put("seed", s));
            b.put("stream", stream);
            return b.toString();
        }
        b.put("inputs", DeepSeekR1Prompt.format(request));
        ObjectNode p = b.putObject("parameters");
        p.put("max_new_tokens", request.budget().maxTokens());
        boolean sample = temperature > 0;
        p.put("do_sample", sample);
        if (sample) {
            p.put("temperature", temperature);
            // TGI refuses top_p = 1.0; leaving it out means no nucleus cut, the same thing.
            if (this == LMI || request.sampling().topP() < 1) {
                p.put("top_p", request.sampling().topP());
            }
        }
        request.sampling().seed().ifPresent(s -> p.put("seed", s));
        p.put("details", true);
        p.put("return_full_text", false);
        b.put("stream", stream);
        return b.toString();
    }

    /**
     * Handles one streamed line (JSON line, or SSE {@code data:} line); false when the reply has ended.
     *
     * @param state per-reply state of the messages format
     */
    boolean streamLine(String line, ReplyAssembler reply, LineState state, String source) {
        String data = line.strip();
        if (data.isEmpty() || data.startsWith(":") || data.startsWith("event:") || data.startsWith("id:")) {
            return true;
        }
        if (data.startsWith("data:")) {
            data = data.substring(5).strip();
        }
        if (data.equals("[DONE]")) {
            state.done = true;
            return true;
        }
        JsonNode n;
        try {
            n = JSON.readTree(data);
        } catch (java.io.IOException e) {
            reply.fail("unreadable line from " + source + ": " + shorten(data));
            return false;
        }
        if (this == MESSAGES) {
            return state.chunks(reply, source).accept(n);
        }
        return tokenLine(n, reply, state, source);
    }

    /** LMI and TGI token lines. */
    private boolean tokenLine(JsonNode n, ReplyAssembler reply, LineState state, String source) {
        if (n == null || !n.isObject()) {
            reply.fail("unexpected line from " + source + ": " + shorten(String.valueOf(n)));
            return false;
        }
        if (n.hasNonNull("error")) {
            reply.fail("the model container on " + source + " reported an error: " + text(n.get("error"))
                    + (n.hasNonNull("error_type") ? " (" + n.get("error_type").asText() + ")" : ""));
            return false;
        }
        JsonNode token = n.path("token");
        boolean special = token.path("special").asBoolean(false) || token.path("special_token").asBoolean(false);
        JsonNode details = n.path("details");
        if (details.isObject() && "error".equals(details.path("finish_reason").asText())) {
            reply.fail("the model on " + source + " failed while generating (finish_reason error after "
                    + state.tokens + " tokens); see the endpoint's CloudWatch log");
            return false;
        }
        if (!special && token.path("text").isTextual()) {
            state.tokens++;
            ReplyAssembler.Verdict v = reply.content(token.get("text").asText());
            if (v != ReplyAssembler.Verdict.CONTINUE) {
                reply.finish(v);
                return false;
            }
        }
        if (details.isObject()) {
            state.finish = Optional.of(ChatChunks.finishReason(details.path("finish_reason").asText("stop")));
            reply.reported(ChatChunks.intOf(details, "input_length"), ChatChunks.intOf(details, "generated_tokens"),
                    OptionalInt.empty());
        }
        return true;
    }

    /** The stream ended. */
    void streamEnd(ReplyAssembler reply, LineState state, String source) {
        if (this == MESSAGES) {
            state.chunks(reply, source).end(state.done);
        } else if (state.finish.isPresent()) {
            reply.finish(state.finish.get(), Optional.empty());
        } else {
            reply.fail("the stream from " + source + " ended without details.finish_reason: the container stopped"
                    + " mid-reply");
        }
    }

    /** A whole InvokeEndpoint response body. */
    void whole(String body, ReplyAssembler reply, String source) {
        JsonNode n;
        try {
            n = JSON.readTree(body);
        } catch (java.io.IOException e) {
            reply.fail("unreadable response from " + source + ": " + shorten(body));
            return;
        }
        if (n != null && n.isArray() && !n.isEmpty()) {
            n = n.get(0); // TGI, and LMI with tgi_compat, wrap the result in a list
        }
        if (n == null || !n.isObject()) {
            reply.fail("unexpected response from " + source + ": " + shorten(body));
            return;
        }
        if (n.hasNonNull("error")) {
            reply.fail("the model container on " + source + " reported an error: " + text(n.get("error")));
            return;
        }
        if (this == MESSAGES || n.has("choices")) {
            ChatChunks chunks = new ChatChunks(reply, source);
            if (chunks.accept(n)) {
                chunks.end(true);
            }
            return;
        }
        JsonNode details = n.path("details");
        String why = details.path("finish_reason").asText(details.path("finish reason").asText("stop"));
        if (why.equals("error")) {
            reply.fail("the model on " + source + " failed while generating (finish_reason error)");
            return;
        }
        if (!n.path("generated_text").isTextual()) {
            reply.fail("the response from " + source + " has no generated_text: " + shorten(body));
            return;
        }
        reply.reported(ChatChunks.intOf(details, "input_length"), ChatChunks.intOf(details, "generated_tokens"),
                OptionalInt.empty());
        reply.content(n.get("generated_text").asText());
        reply.finish(ChatChunks.finishReason(why), Optional.empty());
    }

    /** Per-reply parsing state. */
    static final class LineState {
        private Optional<FinishReason> finish = Optional.empty();
        private boolean done;
        private int tokens;
        private ChatChunks chunks;

        ChatChunks chunks(ReplyAssembler reply, String source) {
            if (chunks == null) {
                chunks = new ChatChunks(reply, source);
            }
            return chunks;
        }
    }

    private static String text(JsonNode n) {
        return n.isTextual() ? n.asText() : n.toString();
    }

    private static String shorten(String s) {
        String one = s.replace("\n", "\\n");
        return one.length() <= 120 ? one : one.substring(0, 117) + "...";
    }
}
