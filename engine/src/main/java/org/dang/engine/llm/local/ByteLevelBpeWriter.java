package org.dang.engine.llm.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.dang.engine.json.Json;

/**
 * Writes a byte-level BPE {@code tokenizer.json} (the Hugging Face format of the Qwen2 and DeepSeek
 * tokenizers): the 256 byte symbols, merges learned from a short built-in text about refinery
 * operation, and the DeepSeek special tokens as added tokens at the ids {@link ModelShape} gives.
 */
public final class ByteLevelBpeWriter {

    /** Training text; a few non-ASCII characters keep multi-byte tokens in play. */
    static final String TRAINING_TEXT = """
            The crude distillation unit heats the crude oil in the furnace and feeds the column. The column
            top temperature is held at 120 °C and the overflash is kept between 3 and 5 percent. The operator
            watches the furnace outlet temperature, the column pressure, the reflux ratio and the product
            draws. When the feed rate rises the furnace duty rises with it; when the crude gets heavier the
            residue yield goes up and the naphtha yield goes down. The control room keeps the alarms few and
            the setpoints steady. The kerosene draw temperature, the diesel flash point and the naphtha end
            point are the quality targets. Steam to the column bottom strips the light ends from the residue.
            A decision records the situation, the reasoning and the action: raise the reflux, lower the
            furnace outlet temperature by 2 °C, or hold the feed. The operator accepts or rejects the
            decision and the engine records the outcome. Pressure in bar, flow in m³/h, level in percent –
            the tags carry their units. The model thinks first, then answers with one action for the
            operator → the operator decides.
            """;

    private static final Pattern WORDS = Pattern.compile(" ?\\p{L}+| ?\\p{N}+| ?[^\\s\\p{L}\\p{N}]+|\\s+");

    private ByteLevelBpeWriter() {
    }

    /** The byte-to-character table of byte-level BPE: printable Latin-1 bytes map to themselves. */
    static char[] byteSymbols() {
        char[] table = new char[256];
        boolean[] printable = new boolean[256];
        for (int b = '!'; b <= '~'; b++) {
            printable[b] = true;
        }
        for (int b = 0xA1; b <= 0xAC; b++) {
            printable[b] = true;
        }
        for (int b = 0xAE; b <= 0xFF; b++) {
            printable[b] = true;
        }
        int extra = 0;
        for (int b = 0; b < 256; b++) {
            table[b] = printable[b] ? (char) b : (char) (256 + extra++);
        }
        return table;
    }

    /** Writes {@code tokenizer.json} for {@code shape} into {@code file}. */
    public static void write(Path file, ModelShape shape) throws IOException {
        char[] symbols = byteSymbols();
        Map<String, Integer> vocab = new LinkedHashMap<>();
        for (int b = 0; b < 256; b++) {
            vocab.put(String.valueOf(symbols[b]), b);
        }
        List<String> merges = learnMerges(symbols, shape.bpeMerges());
        for (String merge : merges) {
            vocab.putIfAbsent(merge.replace(" ", ""), vocab.size());
        }
        // The tokenizers library numbers added tokens right after the model's vocabulary, whatever ids the
        // file states; unused placeholders (as real vocabularies have) put the specials at their ids.
        for (int id = vocab.size(); id < shape.specialTokenBase(); id++) {
            vocab.put("<unused" + id + ">", id);
        }
        ObjectNode root = Json.mapper().createObjectNode();
        root.put("version", "1.0");
        root.putNull("truncation");
        root.putNull("padding");
        ArrayNode added = root.putArray("added_tokens");
        for (int i = 0; i < ModelShape.SPECIAL_TOKENS.length; i++) {
            String token = ModelShape.SPECIAL_TOKENS[i];
            ObjectNode t = added.addObject();
            t.put("id", shape.specialTokenId(i));
            t.put("content", token);
            t.put("single_word", false);
            t.put("lstrip", false);
            t.put("rstrip", false);
            t.put("normalized", false);
            // As in the R1 distills: <think> and </think> are added tokens but not "special".
            t.put("special", !token.contains("think"));
        }
        root.putNull("normalizer");
        ObjectNode pre = root.putObject("pre_tokenizer");
        pre.put("type", "ByteLevel");
        pre.put("add_prefix_space", false);
        pre.put("trim_offsets", true);
        pre.put("use_regex", true);
        root.putNull("post_processor");
        ObjectNode decoder = root.putObject("decoder");
        decoder.put("type", "ByteLevel");
        decoder.put("add_prefix_space", false);
        decoder.put("trim_offsets", true);
        decoder.put("use_regex", true);
        ObjectNode model = root.putObject("model");
        model.put("type", "BPE");
        model.putNull("dropout");
        model.putNull("unk_token");
        model.putNull("continuing_subword_prefix");
        model.putNull("end_of_word_suffix");
        model.put("fuse_unk", false);
        model.put("byte_fallback", false);
        ObjectNode v = model.putObject("vocab");
        vocab.forEach(v::put);
        ArrayNode m = model.putArray("merges");
        merges.forEach(m::add);
        Files.writeString(file, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(root),
                StandardCharsets.UTF_8);
    }

    /** Greedy BPE on the training text: repeatedly merge the most frequent adjacent pair (ties by name). */
    static List<String> learnMerges(char[] symbols, int count) {
        Map<List<String>, Integer> words = new LinkedHashMap<>();
        Matcher matcher = WORDS.matcher(TRAINING_TEXT.replace('\n', ' ').strip());
        while (matcher.find()) {
            List<String> word = new ArrayList<>();
            for (byte b : matcher.group().getBytes(StandardCharsets.UTF_8)) {
                word.add(String.valueOf(symbols[b & 0xFF]));
            }
            words.merge(word, 1, Integer::sum);
        }
        List<String> merges = new ArrayList<>();
        while (merges.size() < count) {
            Map<String, Integer> pairs = new TreeMap<>();
            words.forEach((word, n) -> {
                for (int i = 0; i + 1 < word.size(); i++) {
                    pairs.merge(word.get(i) + " " + word.get(i + 1), n, Integer::sum);
                }
            });
            String best = null;
            int bestCount = 1;
            for (Map.Entry<String, Integer> e : pairs.entrySet()) {
                if (e.getValue() > bestCount) {
                    best = e.getKey();
                    bestCount = e.getValue();
                }
            }
            if (best == null) {
                break;
            }
            merges.add(best);
            String left = best.substring(0, best.indexOf(' '));
            String right = best.substring(best.indexOf(' ') + 1);
            Map<List<String>, Integer> next = new LinkedHashMap<>();
            words.forEach((word, n) -> {
                List<String> merged = new ArrayList<>();
                for (int i = 0; i < word.size(); i++) {
                    if (i + 1 < word.size() && word.get(i).equals(left) && word.get(i + 1).equals(right)) {
                        merged.add(left + right);
                        i++;
                    } else {
                        merged.add(word.get(i));
                    }
                }
                next.merge(merged, n, Integer::sum);
            });
            words = next;
        }
        return merges;
    }
}
