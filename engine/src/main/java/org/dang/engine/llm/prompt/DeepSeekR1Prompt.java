package org.dang.engine.llm.prompt;

import java.util.ArrayList;
import java.util.List;

import org.dang.engine.llm.ChatMessage;
import org.dang.engine.llm.ChatRequest;
import org.dang.engine.llm.ChatRole;

/**
 * The DeepSeek-R1 chat format: no system turn (instructions go at the start of the first user turn),
 * special tokens with the fullwidth bar U+FF5C and the lower one-eighth block U+2581, each assistant
 * turn of the history closed with end-of-sentence and stripped of its reasoning, and the new assistant
 * turn opened with {@code <think>\n} so the model starts by reasoning.
 */
public final class DeepSeekR1Prompt {

    /** Beginning of sentence; id 151646 in the distill tokenizers (generation_config's bos_token_id). */
    public static final String BEGIN_OF_SENTENCE = "<\uFF5Cbegin\u2581of\u2581sentence\uFF5C>";
    /** End of sentence, closes each assistant turn; id 151643. */
    public static final String END_OF_SENTENCE = "<\uFF5Cend\u2581of\u2581sentence\uFF5C>";
    /** Opens a user turn. */
    public static final String USER = "<\uFF5CUser\uFF5C>";
    /** Opens an assistant turn. */
    public static final String ASSISTANT = "<\uFF5CAssistant\uFF5C>";
    /** Opens the reasoning. */
    public static final String THINK_OPEN = "<think>";
    /** Closes the reasoning. */
    public static final String THINK_CLOSE = "</think>";

    private DeepSeekR1Prompt() {
    }

    /**
     * The prompt text for {@code request}: BOS, the turns, and an open assistant turn that starts
     * thinking. Tokenize it with special tokens recognised and without adding another BOS.
     */
    public static String format(ChatRequest request) {
        StringBuilder b = new StringBuilder(BEGIN_OF_SENTENCE);
        for (ChatMessage m : messages(request)) {
            if (m.role() == ChatRole.USER) {
                b.append(USER).append(m.content());
            } else {
                b.append(ASSISTANT).append(m.content()).append(END_OF_SENTENCE);
            }
        }
        return b.append(ASSISTANT).append(THINK_OPEN).append('\n').toString();
    }

    /**
     * The conversation as chat-API messages for servers that apply the template themselves: the
     * instructions folded into the first user message, assistant turns without reasoning.
     */
    public static List<ChatMessage> messages(ChatRequest request) {
        List<ChatMessage> out = new ArrayList<>(request.messages().size());
        for (int i = 0; i < request.messages().size(); i++) {
            ChatMessage m = request.messages().get(i);
            if (m.role() == ChatRole.USER) {
                String text = i == 0 && request.instructions().isPresent()
                        ? request.instructions().get().strip() + "\n\n" + m.content() : m.content();
                out.add(ChatMessage.user(text));
            } else {
                out.add(ChatMessage.assistant(withoutReasoning(m.content())));
            }
        }
        return out;
    }

    /** An answer as history: anything up to a {@code </think>} left in the text is old reasoning and goes. */
    static String withoutReasoning(String answer) {
        int close = answer.lastIndexOf(THINK_CLOSE);
        return close < 0 ? answer : answer.substring(close + THINK_CLOSE.length()).strip();
    }
}
