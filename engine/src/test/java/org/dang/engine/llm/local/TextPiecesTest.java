package org.dang.engine.llm.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Multi-byte characters split across byte-level tokens come out whole. */
class TextPiecesTest {

    @Test
    void multiByteCharactersAreReleasedWhole(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("tokenizer.json");
        ByteLevelBpeWriter.write(file, ModelShape.tiny());
        String text = "Furnace at 350 °C → hold ✓; 燃料 ok <think>";
        try (LocalTokenizer tokenizer = LocalTokenizer.open(file)) {
            int[] ids = tokenizer.encode(text);
            assertEquals(text, tokenizer.decode(ids));
            TextPieces pieces = new TextPieces(tokenizer);
            StringBuilder joined = new StringBuilder();
            int held = 0;
            for (int id : ids) {
                String piece = pieces.push(id);
                assertFalse(piece.contains("\uFFFD"), "piece with a broken character: " + piece);
                held += piece.isEmpty() ? 1 : 0;
                joined.append(piece);
            }
            joined.append(pieces.flush());
            assertEquals(text, joined.toString());
            assertTrue(held >= 4, "the CJK and arrow characters span several byte tokens, so some pushes hold text back");
        }
    }

    @Test
    void anIncompleteCharacterAtTheEndIsFlushed(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("tokenizer.json");
        ByteLevelBpeWriter.write(file, ModelShape.tiny());
        try (LocalTokenizer tokenizer = LocalTokenizer.open(file)) {
            int[] ids = tokenizer.encode("a燃");
            TextPieces pieces = new TextPieces(tokenizer);
            StringBuilder joined = new StringBuilder();
            for (int i = 0; i < ids.length - 1; i++) {
                joined.append(pieces.push(ids[i]));
            }
            String rest = pieces.flush();
            assertEquals("a", joined.toString());
            assertEquals("\uFFFD", rest, "the cut-off bytes are flushed as the replacement character, not lost silently");
        }
    }
}
