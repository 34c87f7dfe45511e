package org.dang.engine.llm.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import org.dang.engine.json.Json;

/**
 * The safetensors weights of a model folder: {@code model.safetensors}, or the shards listed in
 * {@code model.safetensors.index.json}. Every file is mapped on open and stays mapped until close.
 */
public final class WeightFiles implements AutoCloseable {

    /** Name of the single-file layout. */
    public static final String SINGLE = "model.safetensors";
    /** Name of the sharded layout's index. */
    public static final String INDEX = "model.safetensors.index.json";

    private final List<SafetensorsFile> files;
    private final Map<String, SafetensorsFile> byTensor;

    private WeightFiles(List<SafetensorsFile> files, Map<String, SafetensorsFile> byTensor) {
        this.files = files;
        this.byTensor = byTensor;
    }

    /** Opens the weights of {@code folder}; errors name the missing or broken file. */
    public static WeightFiles open(Path folder) throws ModelFolderException {
        Path index = folder.resolve(INDEX);
        Path single = folder.resolve(SINGLE);
        List<SafetensorsFile> opened = new ArrayList<>();
        try {
            Map<String, SafetensorsFile> byTensor = new LinkedHashMap<>();
            if (Files.isRegularFile(index)) {
                Map<String, String> weightMap = readIndex(index);
                Map<String, SafetensorsFile> byShard = new LinkedHashMap<>();
                for (String shard : new LinkedHashSet<>(weightMap.values())) {
                    Path shardPath = folder.resolve(shard);
                    if (!Files.isRegularFile(shardPath)) {
                        throw new ModelFolderException(index + " lists shard " + shard + ", which is missing from "
                                + folder);
                    }
                    SafetensorsFile f = SafetensorsFile.open(shardPath);
                    opened.add(f);
                    byShard.put(shard, f);
                }
                for (Map.Entry<String, String> e : weightMap.entrySet()) {
                    SafetensorsFile f = byShard.get(e.getValue());
                    if (!f.tensors().containsKey(e.getKey())) {
                        throw new ModelFolderException(index + " places tensor " + e.getKey() + " in " + e.getValue()
                                + ", which does not contain it");
                    }
                    byTensor.put(e.getKey(), f);
                }
            } else if (Files.isRegularFile(single)) {
                SafetensorsFile f = SafetensorsFile.open(single);
                opened.add(f);
                f.tensors().keySet().forEach(name -> byTensor.put(name, f));
            } else {
                boolean bin = Files.isRegularFile(folder.resolve("pytorch_model.bin"))
                        || Files.isRegularFile(folder.resolve("pytorch_model.bin.index.json"));
                throw new ModelFolderException(folder + ": no weights: expected " + SINGLE + " or " + INDEX
                        + (bin ? " (PyTorch .bin weights are not read; convert them to safetensors)" : ""));
            }
            return new WeightFiles(List.copyOf(opened), Collections.unmodifiableMap(byTensor));
        } catch (ModelFolderException e) {
            opened.forEach(SafetensorsFile::close);
            throw e;
        }
    }

    private static Map<String, String> readIndex(Path index) throws ModelFolderException {
        JsonNode root;
        try {
            root = Json.mapper().readTree(Files.readString(index));
        } catch (IOException e) {
            throw new ModelFolderException(index + ": cannot be read as JSON: " + e.getMessage(), e);
        }
        JsonNode map = root == null ? null : root.get("weight_map");
        if (map == null || !map.isObject() || map.isEmpty()) {
            throw new ModelFolderException(index + ": no \"weight_map\" object");
        }
        Map<String, String> weightMap = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : map.properties()) {
            String shard = e.getValue().asText("");
            if (shard.isEmpty() || shard.contains("/") || shard.contains("\\")) {
                throw new ModelFolderException(index + ": tensor " + e.getKey() + " has an invalid shard name "
                        + e.getValue());
            }
            weightMap.put(e.getKey(), shard);
        }
        return weightMap;
    }

    /** The tensor named {@code name}, or null when no file holds it. */
    public TensorEntry entry(String name) {
        SafetensorsFile f = byTensor.get(name);
        return f == null ? null : f.tensors().get(name);
    }

    /** The file holding {@code name}, or null. */
    public SafetensorsFile fileOf(String name) {
        return byTensor.get(name);
    }

    /** Names of all tensors. */
    public Set<String> names() {
        return byTensor.keySet();
    }

    /** The mapped files. */
    public List<SafetensorsFile> files() {
        return files;
    }

    @Override
    public void close() {
        files.forEach(SafetensorsFile::close);
    }
}
