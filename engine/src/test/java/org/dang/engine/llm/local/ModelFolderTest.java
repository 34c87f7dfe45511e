package org.dang.engine.llm.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading errors name what is wrong and where. */
class ModelFolderTest {

    @TempDir
    Path dir;

    private String loadError(Path folder) {
        return assertThrows(ModelFolderException.class,
                () -> LocalModel.load(folder, ForwardPassTest.CPU_F32).close()).getMessage();
    }

    private void replace(Path file, String from, String to) throws IOException {
        String text = Files.readString(file);
        assertTrue(text.contains(from), file + " lacks " + from);
        Files.writeString(file, text.replace(from, to));
    }

    @Test
    void aMissingFolderOrFileIsNamed() throws IOException {
        assertTrue(loadError(dir.resolve("nowhere")).contains("nowhere does not exist"));
        for (String name : LocalModel.REQUIRED_FILES) {
            Path folder = TinyModels.write(dir.resolve(name), TensorDtype.F32, 1);
            Files.delete(folder.resolve(name));
            String message = loadError(folder);
            assertTrue(message.contains("incomplete: " + name + " is missing"), message);
        }
        Path noWeights = TinyModels.write(dir.resolve("weights"), TensorDtype.F32, 1);
        Files.delete(noWeights.resolve("model.safetensors"));
        Files.writeString(noWeights.resolve("pytorch_model.bin"), "x");
        String message = loadError(noWeights);
        assertTrue(message.contains("no weights: expected model.safetensors or model.safetensors.index.json")
                && message.contains("convert them to safetensors"), message);
    }

    @Test
    void anotherArchitectureIsRefused() throws IOException {
        Path folder = TinyModels.write(dir, TensorDtype.F32, 1);
        replace(folder.resolve("config.json"), "Qwen2ForCausalLM", "LlamaForCausalLM");
        String message = loadError(folder);
        assertTrue(message.contains("unsupported architecture [LlamaForCausalLM]"), message);
    }

    @Test
    void qwen2VariantsThisPassDoesNotImplementAreRefused() throws IOException {
        Path folder = TinyModels.write(dir, TensorDtype.F32, 1);
        replace(folder.resolve("config.json"), "\"hidden_act\" : \"silu\"",
                "\"hidden_act\" : \"silu\", \"rope_scaling\" : {\"type\" : \"yarn\", \"factor\" : 4.0}");
        String message = loadError(folder);
        assertTrue(message.contains("rope_scaling {\"type\":\"yarn\",\"factor\":4.0} is not supported"), message);
        replace(folder.resolve("config.json"), "\"rope_scaling\" : {\"type\" : \"yarn\", \"factor\" : 4.0}",
                "\"rope_scaling\" : null, \"use_sliding_window\" : true");
        message = loadError(folder);
        assertTrue(message.contains("use_sliding_window true is not supported"), message);
    }

    @Test
    void badConfigFieldsAreNamed() throws IOException {
        Path folder = TinyModels.write(dir, TensorDtype.F32, 1);
        replace(folder.resolve("config.json"), "\"num_key_value_heads\" : 2", "\"num_key_value_heads\" : 3");
        String message = loadError(folder);
        assertTrue(message.contains("num_attention_heads 4 is not a multiple of num_key_value_heads 3"), message);
        replace(folder.resolve("config.json"), "\"num_key_value_heads\" : 3", "\"num_key_value_heads\" : \"two\"");
        message = loadError(folder);
        assertTrue(message.contains("\"num_key_value_heads\" must be a non-negative integer, found \"two\""), message);
    }

    @Test
    void aTensorOfTheWrongShapeIsNamedWithBothShapes() throws IOException {
        Path folder = TinyModels.write(dir, TensorDtype.F32, 1);
        replace(folder.resolve("config.json"), "\"intermediate_size\" : 128", "\"intermediate_size\" : 96");
        String message = loadError(folder);
        assertTrue(message.contains("tensor model.layers.0.mlp.gate_proj.weight has shape [128, 64]"
                + " but config.json implies [96, 64]"), message);
    }

    @Test
    void missingShardsAndTensorsAreNamed() throws IOException {
        Path folder = TinyModels.write(dir.resolve("shard"), TensorDtype.F32, 3);
        Files.delete(folder.resolve("model-00002-of-00003.safetensors"));
        String message = loadError(folder);
        assertTrue(message.contains("lists shard model-00002-of-00003.safetensors, which is missing"), message);

        Path partial = TinyModels.write(dir.resolve("partial"), TensorDtype.F32, 3);
        replace(partial.resolve("model.safetensors.index.json"),
                "\"model.norm.weight\" : \"model-00003-of-00003.safetensors\",", "");
        message = loadError(partial);
        assertTrue(message.contains("tensor model.norm.weight is missing from the weights"), message);

        Path misplaced = TinyModels.write(dir.resolve("misplaced"), TensorDtype.F32, 3);
        replace(misplaced.resolve("model.safetensors.index.json"),
                "\"model.norm.weight\" : \"model-00003-of-00003.safetensors\"",
                "\"model.norm.weight\" : \"model-00001-of-00003.safetensors\"");
        message = loadError(misplaced);
        assertTrue(message.contains("places tensor model.norm.weight in model-00001-of-00003.safetensors, which does"
                + " not contain it"), message);
    }

    @Test
    void aTruncatedWeightFileIsNamed() throws IOException {
        Path folder = TinyModels.write(dir, TensorDtype.F32, 1);
        Path weights = folder.resolve("model.safetensors");
        try (var ch = java.nio.channels.FileChannel.open(weights, java.nio.file.StandardOpenOption.WRITE)) {
            ch.truncate(ch.size() - 100);
        }
        String message = loadError(folder);
        assertTrue(message.contains("model.safetensors: tensor ") && message.contains("file truncated?"), message);
    }

    @Test
    void nanWeightsGiveAClearErrorWhenGenerating() throws IOException {
        Path folder = TinyModels.write(dir, TensorDtype.F32, 1);
        try (SafetensorsFile st = SafetensorsFile.open(folder.resolve("model.safetensors"))) {
            TensorEntry norm = st.tensors().get("model.norm.weight");
            long headerEnd = Files.size(folder.resolve("model.safetensors")) - lastEnd(st);
            try (var ch = java.nio.channels.FileChannel.open(folder.resolve("model.safetensors"),
                    java.nio.file.StandardOpenOption.WRITE)) {
                ch.write(java.nio.ByteBuffer.wrap(new byte[] {0, 0, (byte) 0xC0, 0x7F}), headerEnd + norm.begin());
            }
        }
        try (LocalModel model = LocalModel.load(folder, ForwardPassTest.CPU_F32)) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> model.generate(
                    ForwardPassTest.PROMPT, GenerationSettings.greedy(2), (id, t) -> { }, () -> false));
            assertEquals("the model produced NaN logits at position " + ForwardPassTest.PROMPT.length
                    + " (broken weights, or an f16 overflow: try precision f32)", e.getMessage());
        }
    }

    private static long lastEnd(SafetensorsFile st) {
        return st.tensors().values().stream().mapToLong(TensorEntry::end).max().orElseThrow();
    }
}
