package org.dang.engine.llm.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

/** Shapes the random-model writer produces. */
class ModelShapeTest {

    @Test
    void theHalfBillionShapeHasQwen2HalfBillionsParameterCount() {
        ModelShape s = ModelShape.qwen2HalfBillion();
        assertEquals(494_032_768L, s.parameters(), "Qwen2-0.5B has 494,032,768 parameters");
        long written = RandomModelWriter.tensors(s, 1).stream()
                .mapToLong(t -> Arrays.stream(t.shape()).reduce(1, Math::multiplyExact)).sum();
        assertEquals(s.parameters(), written, "the writer writes exactly the shape's tensors");
    }

    @Test
    void untiedShapesWriteAnLmHead() {
        ModelShape s = ModelShape.tiny();
        assertTrue(RandomModelWriter.tensors(s, 1).stream().anyMatch(t -> t.name().equals("lm_head.weight")));
        assertTrue(RandomModelWriter.tensors(ModelShape.qwen2HalfBillion(), 1).stream()
                .noneMatch(t -> t.name().equals("lm_head.weight")));
    }

    @Test
    void specialTokensMustFitTheVocabulary() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ModelShape("x", 64, 128, 1, 4, 2, 300, 256, 1e4, 1e-6, false, 296, 40));
        assertTrue(e.getMessage().contains("fit in vocab_size 300"), e.getMessage());
    }
}
