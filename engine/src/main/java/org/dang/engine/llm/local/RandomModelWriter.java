package org.dang.engine.llm.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.dang.engine.json.Json;

/**
 * Writes a complete Hugging Face Qwen2 model folder of a given shape with random weights from a
 * seed: config.json, generation_config.json (with the DeepSeek BOS/EOS split), a byte-level BPE
 * tokenizer.json with the DeepSeek special tokens, and safetensors weights in one file or sharded
 * with an index. Used by the tests and by {@code dang bench llm --random}, so figures can be
 * reproduced without downloading a model.
 */
public final class RandomModelWriter {

    private RandomModelWriter() {
    }

    /**
     * Writes the folder. Weights are uniform with a standard deviation of 1/sqrt(fan-in) (so
     * activations keep their scale through the layers), norm weights near 1, biases small.
     *
     * @param shards 1 for {@code model.safetensors}, more for {@code model-0000i-of-0000n.safetensors} and an index
     */
    public static void write(Path folder, ModelShape shape, TensorDtype dtype, int shards, long seed)
            throws IOException {
        if (shards < 1) {
            throw new IllegalArgumentException("shards must be at least 1, was " + shards);
        }
        Files.createDirectories(folder);
        writeConfig(folder, shape, dtype);
        ByteLevelBpeWriter.write(folder.resolve("tokenizer.json"), shape);
        List<SafetensorsWriter.Tensor> tensors = tensors(shape, seed);
        if (shards == 1) {
            SafetensorsWriter.write(folder.resolve(WeightFiles.SINGLE), dtype, tensors);
            return;
        }
        ObjectNode index = Json.mapper().createObjectNode();
        ObjectNode weightMap = Json.mapper().createObjectNode();
        long total = 0;
        int perShard = (tensors.size() + shards - 1) / shards;
        for (int s = 0; s < shards; s++) {
            List<SafetensorsWriter.Tensor> part = tensors.subList(Math.min(tensors.size(), s * perShard),
                    Math.min(tensors.size(), (s + 1) * perShard));
            String name = String.format("model-%05d-of-%05d.safetensors", s + 1, shards);
            total += SafetensorsWriter.write(folder.resolve(name), dtype, part);
            part.forEach(t -> weightMap.put(t.name(), name));
        }
        index.putObject("metadata").put("total_size", total);
        index.set("weight_map", weightMap);
        Files.writeString(folder.resolve(WeightFiles.INDEX),
                Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(index));
    }

    private static void writeConfig(Path folder, ModelShape shape, TensorDtype dtype) throws IOException {
        ObjectNode config = Json.mapper().createObjectNode();
        config.putArray("architectures").add(Qwen2Config.ARCHITECTURE);
        config.put("model_type", "qwen2");
        config.put("hidden_size", shape.hiddenSize());
        config.put("intermediate_size", shape.intermediateSize());
        config.put("num_hidden_layers", shape.layers());
        config.put("num_attention_heads", shape.attentionHeads());
        config.put("num_key_value_heads", shape.keyValueHeads());
        config.put("rms_norm_eps", shape.rmsNormEps());
        config.put("rope_theta", shape.ropeTheta());
        config.put("vocab_size", shape.vocabSize());
        config.put("tie_word_embeddings", shape.tiedEmbeddings());
        config.put("max_position_embeddings", shape.maxPositions());
        config.put("hidden_act", "silu");
        config.put("torch_dtype", dtype == TensorDtype.F32 ? "float32" : dtype == TensorDtype.BF16 ? "bfloat16"
                : "float16");
        // As in the DeepSeek-R1 distills: config.json names the EOS as BOS too; generation_config corrects it.
        config.put("bos_token_id", shape.specialTokenId(0));
        config.put("eos_token_id", shape.specialTokenId(0));
        Files.writeString(folder.resolve("config.json"),
                Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(config));
        ObjectNode generation = Json.mapper().createObjectNode();
        generation.put("bos_token_id", shape.specialTokenId(3));
        generation.put("eos_token_id", shape.specialTokenId(0));
        generation.put("do_sample", true);
        generation.put("temperature", 0.6);
        generation.put("top_p", 0.95);
        Files.writeString(folder.resolve("generation_config.json"),
                Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(generation));
    }

    /** Every tensor of the shape, in Hugging Face order, each drawing from its own seeded stream. */
    static List<SafetensorsWriter.Tensor> tensors(ModelShape s, long seed) {
        long h = s.hiddenSize();
        long qOut = h;
        long kvOut = (long) s.keyValueHeads() * (h / s.attentionHeads());
        long im = s.intermediateSize();
        List<SafetensorsWriter.Tensor> out = new ArrayList<>();
        SplittableRandom streams = new SplittableRandom(seed);
        out.add(uniform("model.embed_tokens.weight", streams, 1 / Math.sqrt(h), 0, s.vocabSize(), h));
        for (int i = 0; i < s.layers(); i++) {
            String p = "model.layers." + i + ".";
            out.add(uniform(p + "input_layernorm.weight", streams, 0.1, 1, h));
            out.add(uniform(p + "self_attn.q_proj.weight", streams, 1 / Math.sqrt(h), 0, qOut, h));
            out.add(uniform(p + "self_attn.q_proj.bias", streams, 0.1, 0, qOut));
            out.add(uniform(p + "self_attn.k_proj.weight", streams, 1 / Math.sqrt(h), 0, kvOut, h));
            out.add(uniform(p + "self_attn.k_proj.bias", streams, 0.1, 0, kvOut));
            out.add(uniform(p + "self_attn.v_proj.weight", streams, 1 / Math.sqrt(h), 0, kvOut, h));
            out.add(uniform(p + "self_attn.v_proj.bias", streams, 0.1, 0, kvOut));
            out.add(uniform(p + "self_attn.o_proj.weight", streams, 1 / Math.sqrt(qOut), 0, h, qOut));
            out.add(uniform(p + "post_attention_layernorm.weight", streams, 0.1, 1, h));
            out.add(uniform(p + "mlp.gate_proj.weight", streams, 1 / Math.sqrt(h), 0, im, h));
            out.add(uniform(p + "mlp.up_proj.weight", streams, 1 / Math.sqrt(h), 0, im, h));
            out.add(uniform(p + "mlp.down_proj.weight", streams, 1 / Math.sqrt(im), 0, h, im));
        }
        out.add(uniform("model.norm.weight", streams, 0.1, 1, h));
        if (!s.tiedEmbeddings()) {
            out.add(uniform("lm_head.weight", streams, 1 / Math.sqrt(h), 0, s.vocabSize(), h));
        }
        return out;
    }

    private static SafetensorsWriter.Tensor uniform(String name, SplittableRandom streams, double std, double mean,
            long... shape) {
        // Each tensor gets its own stream, split off now, so writing order and sharding do not change values.
        SplittableRandom random = streams.split();
        double halfWidth = std * Math.sqrt(3);
        return new SafetensorsWriter.Tensor(name, shape,
                () -> (float) (mean + (random.nextDouble() * 2 - 1) * halfWidth));
    }
}
