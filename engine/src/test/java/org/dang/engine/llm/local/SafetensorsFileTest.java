package org.dang.engine.llm.local;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The memory-mapped safetensors reader: files over 2 GB, round trips, and broken headers. */
class SafetensorsFileTest {

    @TempDir
    Path dir;

    /** Writes {@code header} and extends the file to {@code size} bytes when larger; returns the data start. */
    private static long writeRaw(Path file, String header, long size) throws IOException {
        byte[] json = header.getBytes(StandardCharsets.UTF_8);
        ByteBuffer start = ByteBuffer.allocate(8 + json.length).order(ByteOrder.LITTLE_ENDIAN);
        start.putLong(json.length).put(json).flip();
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.getChannel().write(start, 0);
            if (size > raf.length()) {
                raf.setLength(size);
            }
        }
        return 8 + json.length;
    }

    @Test
    void tensorsPastTwoGigabytesAreReadFromASparseFile() throws IOException {
        long gap = 3L << 30;
        String header = "{\"filler\":{\"dtype\":\"F32\",\"shape\":[" + gap / 4 + "],\"data_offsets\":[0," + gap
                + "]},\"far\":{\"dtype\":\"F32\",\"shape\":[2,2],\"data_offsets\":[" + gap + "," + (gap + 16) + "]}}";
        Path file = dir.resolve("big.safetensors");
        long dataStart = writeRaw(file, header, 0);
        ByteBuffer values = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
        values.putFloat(1.5f).putFloat(-2f).putFloat(3.25f).putFloat(1e-3f).flip();
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.write(values, dataStart + gap);
        }
        assertTrue(Files.size(file) > gap, "the file is over 3 GB (sparse on disk)");
        try (SafetensorsFile st = SafetensorsFile.open(file);
                NDManager manager = NDManager.newBaseManager("PyTorch")) {
            TensorEntry far = st.tensors().get("far");
            assertEquals(gap, far.begin());
            NDArray array = manager.create(st.bytes(far), new Shape(2, 2), DataType.FLOAT32);
            assertArrayEquals(new float[] {1.5f, -2f, 3.25f, 1e-3f}, array.toFloatArray());
            TensorEntry filler = st.tensors().get("filler");
            assertEquals(gap, st.segment(filler).byteSize());
            IllegalArgumentException tooBig = assertThrows(IllegalArgumentException.class, () -> st.bytes(filler));
            assertTrue(tooBig.getMessage().contains("tensor filler is " + gap + " bytes"), tooBig.getMessage());
        }
    }

    @Test
    void writtenValuesReadBackInEveryType() throws IOException {
        float[] values = {0f, 1f, -1.5f, 3.140625f, 65504f, 1e-2f};
        for (TensorDtype dtype : TensorDtype.values()) {
            Path file = dir.resolve(dtype + ".safetensors");
            int[] next = {0};
            SafetensorsWriter.write(file, dtype, List.of(new SafetensorsWriter.Tensor("t", new long[] {2, 3},
                    () -> values[next[0]++])));
            try (SafetensorsFile st = SafetensorsFile.open(file)) {
                TensorEntry t = st.tensors().get("t");
                assertEquals(dtype, t.dtype());
                assertArrayEquals(new long[] {2, 3}, t.shape());
                ByteBuffer b = st.bytes(t);
                for (int i = 0; i < values.length; i++) {
                    float read = switch (dtype) {
                        case F32 -> b.getFloat(i * 4);
                        case F16 -> Float.float16ToFloat(b.getShort(i * 2));
                        case BF16 -> Float.intBitsToFloat((b.getShort(i * 2) & 0xFFFF) << 16);
                    };
                    assertEquals(values[i], read, Math.abs(values[i]) * 4e-3, dtype + " element " + i);
                }
            }
        }
    }

    @Test
    void bf16RoundsToNearestEven() {
        assertEquals((short) 0x3F80, SafetensorsWriter.toBf16(1f));
        // 1 + 2^-8 lies halfway between two bf16 values: ties go to the even one, 1.0.
        assertEquals((short) 0x3F80, SafetensorsWriter.toBf16(Float.intBitsToFloat(0x3F808000)));
        assertEquals((short) 0x3F82, SafetensorsWriter.toBf16(Float.intBitsToFloat(0x3F818000)));
        assertTrue(Float.isNaN(Float.intBitsToFloat(SafetensorsWriter.toBf16(Float.NaN) << 16)));
    }

    private String error(String header, long size) throws IOException {
        Path file = dir.resolve("bad.safetensors");
        writeRaw(file, header, size);
        return assertThrows(ModelFolderException.class, () -> SafetensorsFile.open(file)).getMessage();
    }

    @Test
    void brokenFilesAreNamedWithTheTensorAtFault() throws IOException {
        String i8 = error("{\"w\":{\"dtype\":\"I8\",\"shape\":[4],\"data_offsets\":[0,4]}}", 200);
        assertTrue(i8.contains("tensor w has dtype \"I8\""), i8);
        String span = error("{\"w\":{\"dtype\":\"F32\",\"shape\":[4],\"data_offsets\":[0,8]}}", 200);
        assertTrue(span.contains("tensor w: data_offsets [0,8] span 8 bytes but shape [4] of F32 needs 16"), span);
        String truncated = error("{\"w\":{\"dtype\":\"F32\",\"shape\":[100],\"data_offsets\":[0,400]}}", 120);
        assertTrue(truncated.contains("tensor w ends at byte 400") && truncated.contains("truncated"), truncated);
        String json = error("{\"w\":", 200);
        assertTrue(json.contains("header is not valid JSON"), json);
        Path tiny = dir.resolve("short.safetensors");
        Files.write(tiny, new byte[] {1, 2, 3});
        assertTrue(assertThrows(ModelFolderException.class, () -> SafetensorsFile.open(tiny)).getMessage()
                .contains("too short"));
        Path huge = dir.resolve("length.safetensors");
        Files.write(huge, new byte[] {(byte) 0xFF, 0, 0, 0, 0, 0, 0, 0x10, 1, 2});
        assertTrue(assertThrows(ModelFolderException.class, () -> SafetensorsFile.open(huge)).getMessage()
                .contains("header length"));
    }
}
