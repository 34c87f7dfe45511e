package org.dang.engine.llm.local;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.dang.engine.json.Json;

/**
 * One safetensors file, memory-mapped as a whole through {@link MemorySegment}, so files over 2 GB
 * load and no tensor is copied onto the Java heap. Layout: an 8-byte little-endian header length,
 * the header JSON (tensor name to dtype, shape, data offsets), then the data section.
 */
public final class SafetensorsFile implements AutoCloseable {

    /** Headers beyond this are taken as a corrupt length field rather than read. */
    private static final long MAX_HEADER_BYTES = 100L << 20;

    private final Path path;
    private final Arena arena;
    private final MemorySegment file;
    private final long dataStart;
    private final Map<String, TensorEntry> tensors;

    private SafetensorsFile(Path path, Arena arena, MemorySegment file, long dataStart, Map<String, TensorEntry> tensors) {
        this.path = path;
        this.arena = arena;
        this.file = file;
        this.dataStart = dataStart;
        this.tensors = tensors;
    }

    /** Maps {@code path} and parses its header; errors name the file and the tensor at fault. */
    public static SafetensorsFile open(Path path) throws ModelFolderException {
        Arena arena = Arena.ofShared();
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size < 8) {
                throw new ModelFolderException(path + ": too short for a safetensors file (" + size + " bytes)");
            }
            MemorySegment file = channel.map(FileChannel.MapMode.READ_ONLY, 0, size, arena);
            long headerLength = file.get(ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN), 0);
            if (headerLength <= 0 || headerLength > MAX_HEADER_BYTES || 8 + headerLength > size) {
                throw new ModelFolderException(path + ": header length " + headerLength + " does not fit a file of "
                        + size + " bytes (truncated or not safetensors)");
            }
            byte[] header = file.asSlice(8, headerLength).toArray(ValueLayout.JAVA_BYTE);
            long dataStart = 8 + headerLength;
            Map<String, TensorEntry> tensors = parseHeader(path, new String(header, StandardCharsets.UTF_8),
                    size - dataStart);
            return new SafetensorsFile(path, arena, file, dataStart, tensors);
        } catch (NoSuchFileException e) {
            arena.close();
            throw new ModelFolderException(path + ": file is missing", e);
        } catch (ModelFolderException e) {
            arena.close();
            throw e;
        } catch (IOException | RuntimeException e) {
            arena.close();
            throw new ModelFolderException(path + ": cannot be mapped: " + e.getMessage(), e);
        }
    }

    /** Parses the header JSON, checking every tensor's dtype, shape and byte range against the data size. */
    static Map<String, TensorEntry> parseHeader(Path path, String json, long dataBytes) throws ModelFolderException {
        JsonNode root;
        try {
            root = Json.mapper().readTree(json);
        } catch (IOException e) {
            throw new ModelFolderException(path + ": header is not valid JSON: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new ModelFolderException(path + ": header is not a JSON object");
        }
        Map<String, TensorEntry> tensors = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : root.properties()) {
            String name = e.getKey();
            if (name.equals("__metadata__")) {
                continue;
            }
            JsonNode t = e.getValue();
            String where = path + ": tensor " + name;
            TensorDtype dtype = TensorDtype.fromSafetensors(t.path("dtype").asText());
            if (dtype == null) {
                throw new ModelFolderException(where + " has dtype " + t.path("dtype") + "; supported: BF16, F16, F32");
            }
            JsonNode shapeNode = t.path("shape");
            JsonNode offsets = t.path("data_offsets");
            if (!shapeNode.isArray() || !offsets.isArray() || offsets.size() != 2) {
                throw new ModelFolderException(where + " lacks a shape or a pair of data_offsets");
            }
            long[] shape = new long[shapeNode.size()];
            for (int i = 0; i < shape.length; i++) {
                shape[i] = shapeNode.get(i).asLong(-1);
                if (shape[i] < 0) {
                    throw new ModelFolderException(where + " has a negative or non-numeric dimension " + shapeNode);
                }
            }
            long begin = offsets.get(0).asLong(-1);
            long end = offsets.get(1).asLong(-1);
            TensorEntry entry = new TensorEntry(name, dtype, shape, begin, end);
            long expected;
            try {
                expected = Math.multiplyExact(entry.elements(), dtype.bytes());
            } catch (ArithmeticException overflow) {
                throw new ModelFolderException(where + " has an impossible shape " + shapeNode);
            }
            if (begin < 0 || end < begin || end - begin != expected) {
                throw new ModelFolderException(where + ": data_offsets " + offsets + " span " + (end - begin)
                        + " bytes but shape " + shapeNode + " of " + dtype + " needs " + expected);
            }
            if (end > dataBytes) {
                throw new ModelFolderException(where + " ends at byte " + end + " of a data section of " + dataBytes
                        + " bytes (file truncated?)");
            }
            tensors.put(name, entry);
        }
        return Collections.unmodifiableMap(tensors);
    }

    /** The file. */
    public Path path() {
        return path;
    }

    /** Tensors by name, in header order. */
    public Map<String, TensorEntry> tensors() {
        return tensors;
    }

    /**
     * The bytes of {@code entry} as a little-endian direct buffer over the mapping (no copy). A single
     * tensor must stay under 2 GB, which holds for every Qwen2 size up to 72B in 16-bit types.
     */
    public ByteBuffer bytes(TensorEntry entry) {
        if (entry.byteSize() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(path + ": tensor " + entry.name() + " is " + entry.byteSize()
                    + " bytes; one tensor over 2 GB is not supported");
        }
        return segment(entry).asByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
    }

    /** The bytes of {@code entry} as a slice of the mapping; offsets past 2^31 are fine. */
    public MemorySegment segment(TensorEntry entry) {
        return file.asSlice(dataStart + entry.begin(), entry.byteSize());
    }

    /** Unmaps the file; buffers handed out before must no longer be used. */
    @Override
    public void close() {
        arena.close();
    }
}
