package org.dang.engine.llm.local;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.dang.engine.json.Json;

/**
 * Writes a safetensors file from tensors whose values are produced on the fly, streaming through a
 * small buffer so multi-gigabyte files need no heap. Values are rounded to the file's type (bf16:
 * round to nearest even).
 */
public final class SafetensorsWriter {

    /** Produces a tensor's elements in row-major order, one call per element. */
    @FunctionalInterface
    public interface Values {
        /** The next element. */
        float next();
    }

    /** A tensor to write, its elements drawn from {@code values} when it is written. */
    public record Tensor(String name, long[] shape, Values values) {
        /** Copies the shape. */
        public Tensor {
            shape = shape.clone();
        }

        @Override
        public long[] shape() {
            return shape.clone();
        }

        long elements() {
            return Arrays.stream(shape).reduce(1, Math::multiplyExact);
        }
    }

    private SafetensorsWriter() {
    }

    /** Writes {@code tensors} as {@code dtype} to {@code file}; returns the bytes of tensor data. */
    public static long write(Path file, TensorDtype dtype, List<Tensor> tensors) throws IOException {
        ObjectNode header = Json.mapper().createObjectNode();
        header.putObject("__metadata__").put("format", "pt");
        long offset = 0;
        for (Tensor t : tensors) {
            ObjectNode entry = header.putObject(t.name());
            entry.put("dtype", dtype.safetensorsName());
            ArrayNode shape = entry.putArray("shape");
            for (long d : t.shape()) {
                shape.add(d);
            }
            long size = t.elements() * dtype.bytes();
            entry.putArray("data_offsets").add(offset).add(offset + size);
            offset += size;
        }
        byte[] json = Json.mapper().writeValueAsString(header).getBytes(StandardCharsets.UTF_8);
        int padded = (json.length + 7) / 8 * 8;
        ByteBuffer buffer = ByteBuffer.allocateDirect(1 << 20).order(ByteOrder.LITTLE_ENDIAN);
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            buffer.putLong(padded);
            buffer.put(json);
            for (int i = json.length; i < padded; i++) {
                buffer.put((byte) ' ');
            }
            for (Tensor t : tensors) {
                Values values = t.values();
                long n = t.elements();
                for (long i = 0; i < n; i++) {
                    if (buffer.remaining() < 4) {
                        drain(buffer, out);
                    }
                    float v = values.next();
                    switch (dtype) {
                        case F32 -> buffer.putFloat(v);
                        case F16 -> buffer.putShort(Float.floatToFloat16(v));
                        case BF16 -> buffer.putShort(toBf16(v));
                    }
                }
            }
            drain(buffer, out);
        }
        return offset;
    }

    /** Rounds to the nearest bfloat16 (ties to even), keeping NaN a NaN. */
    static short toBf16(float v) {
        int bits = Float.floatToRawIntBits(v);
        if (Float.isNaN(v)) {
            return (short) ((bits >>> 16) | 0x40);
        }
        int rounding = 0x7FFF + ((bits >>> 16) & 1);
        return (short) ((bits + rounding) >>> 16);
    }

    private static void drain(ByteBuffer buffer, FileChannel out) throws IOException {
        buffer.flip();
        while (buffer.hasRemaining()) {
            out.write(buffer);
        }
        buffer.clear();
    }
}
