package org.dang.engine.llm.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.dang.engine.json.Json;

/**
 * The Qwen2 hyper-parameters of a model folder, from {@code config.json}, with the BOS and EOS ids
 * of {@code generation_config.json} (which win: the DeepSeek-R1 distills say BOS 151646 there and
 * 151643 in config.json, and generation uses the former).
 */
public record Qwen2Config(int hiddenSize, int intermediateSize, int layers, int attentionHeads,
        int keyValueHeads, double rmsNormEps, double ropeTheta, int vocabSize, boolean tieWordEmbeddings,
        int maxPositions, String torchDtype, int bosTokenId, List<Integer> eosTokenIds) {

    /** The only architecture this backend implements. */
    public static final String ARCHITECTURE = "Qwen2ForCausalLM";

    /** Checks the fields that the forward pass relies on. */
    public Qwen2Config {
        eosTokenIds = List.copyOf(eosTokenIds);
        if (attentionHeads <= 0 || keyValueHeads <= 0 || hiddenSize % attentionHeads != 0) {
            throw new IllegalArgumentException("hidden_size " + hiddenSize + " is not a multiple of num_attention_heads "
                    + attentionHeads);
        }
        if (attentionHeads % keyValueHeads != 0) {
            throw new IllegalArgumentException("num_attention_heads " + attentionHeads
                    + " is not a multiple of num_key_value_heads " + keyValueHeads);
        }
        if ((hiddenSize / attentionHeads) % 2 != 0) {
            throw new IllegalArgumentException("head size " + hiddenSize / attentionHeads
                    + " is odd; rotary embeddings need an even head size");
        }
    }

    /** Size of one attention head. */
    public int headSize() {
        return hiddenSize / attentionHeads;
    }

    /** Query heads that share one key/value head. */
    public int groupSize() {
        return attentionHeads / keyValueHeads;
    }

    /** Reads {@code config.json} and {@code generation_config.json}; errors name the file and field. */
    public static Qwen2Config read(Path configJson, Path generationConfigJson) throws ModelFolderException {
        JsonNode config = readJson(configJson);
        JsonNode generation = readJson(generationConfigJson);
        JsonNode architectures = config.path("architectures");
        List<String> names = new ArrayList<>();
        architectures.forEach(n -> names.add(n.asText()));
        if (!names.contains(ARCHITECTURE)) {
            throw new ModelFolderException(configJson + ": unsupported architecture " + (names.isEmpty()
                    ? "(no \"architectures\" field)" : names) + "; this backend runs " + ARCHITECTURE
                    + " (the DeepSeek-R1-Distill-Qwen models)");
        }
        rejectUnsupported(config, configJson);
        try {
            int bos = generation.hasNonNull("bos_token_id") ? intField(generation, "bos_token_id", generationConfigJson)
                    : intField(config, "bos_token_id", configJson);
            JsonNode eosNode = generation.hasNonNull("eos_token_id") ? generation.get("eos_token_id")
                    : config.get("eos_token_id");
            List<Integer> eos = new ArrayList<>();
            if (eosNode != null && eosNode.isArray()) {
                eosNode.forEach(n -> eos.add(n.asInt()));
            } else if (eosNode != null && eosNode.canConvertToInt()) {
                eos.add(eosNode.asInt());
            } else {
                throw new ModelFolderException(generationConfigJson + ": eos_token_id is missing (also in config.json)");
            }
            int heads = intField(config, "num_attention_heads", configJson);
            return new Qwen2Config(
                    intField(config, "hidden_size", configJson),
                    intField(config, "intermediate_size", configJson),
                    intField(config, "num_hidden_layers", configJson),
                    heads,
                    config.has("num_key_value_heads") ? intField(config, "num_key_value_heads", configJson) : heads,
                    doubleField(config, "rms_norm_eps", configJson),
                    config.has("rope_theta") ? doubleField(config, "rope_theta", configJson) : 10000.0,
                    intField(config, "vocab_size", configJson),
                    config.path("tie_word_embeddings").asBoolean(false),
                    intField(config, "max_position_embeddings", configJson),
                    config.path("torch_dtype").asText("float32"),
                    bos, eos);
        } catch (IllegalArgumentException e) {
            throw new ModelFolderException(configJson + ": " + e.getMessage(), e);
        }
    }

    /** Variants of Qwen2 this forward pass does not implement, refused rather than run wrongly. */
    private static void rejectUnsupported(JsonNode config, Path file) throws ModelFolderException {
        JsonNode scaling = config.get("rope_scaling");
        if (scaling != null && !scaling.isNull()) {
            throw new ModelFolderException(file + ": rope_scaling " + scaling + " is not supported (plain rotary"
                    + " embeddings only, as in the DeepSeek-R1 distills)");
        }
        if (config.path("use_sliding_window").asBoolean(false)) {
            throw new ModelFolderException(file + ": use_sliding_window true is not supported (full attention only)");
        }
        String act = config.path("hidden_act").asText("silu");
        if (!act.equals("silu")) {
            throw new ModelFolderException(file + ": hidden_act \"" + act + "\" is not supported (silu only)");
        }
    }

    private static JsonNode readJson(Path file) throws ModelFolderException {
        try {
            JsonNode node = Json.mapper().readTree(Files.readString(file));
            if (node == null || !node.isObject()) {
                throw new ModelFolderException(file + ": not a JSON object");
            }
            return node;
        } catch (IOException e) {
            if (e instanceof ModelFolderException m) {
                throw m;
            }
            throw new ModelFolderException(file + ": cannot be read as JSON: " + e.getMessage(), e);
        }
    }

    private static int intField(JsonNode node, String field, Path file) throws ModelFolderException {
        JsonNode v = node.get(field);
        if (v == null || !v.canConvertToInt() || !v.isIntegralNumber() || v.asInt() < 0) {
            throw new ModelFolderException(file + ": field \"" + field + "\" must be a non-negative integer, found "
                    + (v == null ? "nothing" : v.toString()));
        }
        return v.asInt();
    }

    private static double doubleField(JsonNode node, String field, Path file) throws ModelFolderException {
        JsonNode v = node.get(field);
        if (v == null || !v.isNumber() || !Double.isFinite(v.asDouble()) || v.asDouble() <= 0) {
            throw new ModelFolderException(file + ": field \"" + field + "\" must be a positive number, found "
                    + (v == null ? "nothing" : v.toString()));
        }
        return v.asDouble();
    }
}
