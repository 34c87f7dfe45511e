package org.dang.engine.llm.prompt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import org.dang.engine.llm.ChatMessage;
import org.dang.engine.llm.ChatRequest;
import org.dang.engine.llm.ChatRole;
import org.dang.engine.llm.Sampling;
import org.dang.engine.llm.TokenBudget;

/** The DeepSeek-R1 prompt format. */
class DeepSeekR1PromptTest {

    private static ChatRequest request(Optional<String> instructions, ChatMessage... messages) {
        return new ChatRequest(instructions, List.of(messages), Sampling.deepSeekDefaults(), TokenBudget.of(100, 100));
    }

    @Test
    void singleTurnOpensTheReasoning() {
        String p = DeepSeekR1Prompt.format(request(Optional.empty(), ChatMessage.user("Why is the top temperature high?")));
        assertEquals("<\uFF5Cbegin\u2581of\u2581sentence\uFF5C><\uFF5CUser\uFF5C>Why is the top temperature high?"
                + "<\uFF5CAssistant\uFF5C><think>\n", p);
    }

    @Test
    void specialTokensUseTheFullwidthBar() {
        for (String token : List.of(DeepSeekR1Prompt.BEGIN_OF_SENTENCE, DeepSeekR1Prompt.END_OF_SENTENCE,
                DeepSeekR1Prompt.USER, DeepSeekR1Prompt.ASSISTANT)) {
            assertTrue(token.startsWith("<\uFF5C") && token.endsWith("\uFF5C>"), token);
            assertFalse(token.contains("|"), "ASCII bar in " + token);
        }
        assertEquals("<｜begin▁of▁sentence｜>", DeepSeekR1Prompt.BEGIN_OF_SENTENCE);
        assertEquals("<｜end▁of▁sentence｜>", DeepSeekR1Prompt.END_OF_SENTENCE);
    }

    @Test
    void instructionsFoldIntoTheFirstUserTurnWithNoSystemTurn() {
        String p = DeepSeekR1Prompt.format(request(Optional.of("You advise a CDU operator.  "),
                ChatMessage.user("First?"), ChatMessage.assistant("One."), ChatMessage.user("Second?")));
        assertTrue(p.startsWith(DeepSeekR1Prompt.BEGIN_OF_SENTENCE + DeepSeekR1Prompt.USER
                + "You advise a CDU operator.\n\nFirst?"), p);
        assertEquals(1, p.split("You advise", -1).length - 1, "instructions once");
        assertFalse(p.contains("Second?You advise"));
    }

    @Test
    void historyDropsOldReasoningAndClosesAssistantTurns() {
        String p = DeepSeekR1Prompt.format(request(Optional.empty(), ChatMessage.user("Q1"),
                ChatMessage.assistant("A1", "secret chain of thought"), ChatMessage.user("Q2")));
        assertEquals(DeepSeekR1Prompt.BEGIN_OF_SENTENCE + DeepSeekR1Prompt.USER + "Q1" + DeepSeekR1Prompt.ASSISTANT
                + "A1" + DeepSeekR1Prompt.END_OF_SENTENCE + DeepSeekR1Prompt.USER + "Q2" + DeepSeekR1Prompt.ASSISTANT
                + "<think>\n", p);
        assertFalse(p.contains("secret"));
    }

    @Test
    void reasoningLeftInsideAnAnswerIsStrippedFromHistory() {
        List<ChatMessage> m = DeepSeekR1Prompt.messages(request(Optional.empty(), ChatMessage.user("Q1"),
                ChatMessage.assistant("old thoughts</think>\n\nA1"), ChatMessage.user("Q2")));
        assertEquals("A1", m.get(1).content());
        assertEquals(ChatRole.ASSISTANT, m.get(1).role());
        assertTrue(m.get(1).reasoning().isEmpty());
    }

    @Test
    void conversationShapeIsChecked() {
        assertThrows(IllegalArgumentException.class, () -> request(Optional.empty()));
        assertThrows(IllegalArgumentException.class,
                () -> request(Optional.empty(), ChatMessage.user("a"), ChatMessage.user("b")));
        assertThrows(IllegalArgumentException.class,
                () -> request(Optional.empty(), ChatMessage.user("a"), ChatMessage.assistant("b")));
        assertThrows(IllegalArgumentException.class, () -> request(Optional.empty(), ChatMessage.assistant("a")));
    }
}
