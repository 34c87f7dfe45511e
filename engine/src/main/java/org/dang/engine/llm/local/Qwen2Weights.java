package org.dang.engine.llm.local;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * The weights of a Qwen2 model as NDArrays on the compute device, each checked against the shape
 * the config implies. On the CPU in the file's own type they stay views of the memory-mapped file;
 * otherwise they are converted (or copied to the GPU) once at load: bf16 in Java, because DJL's
 * PyTorch binding has no bf16 type, other types by the engine.
 */
final class Qwen2Weights {

    /** One decoder layer. Projections are [out, in] as in PyTorch's Linear. */
    record Layer(NDArray inputNorm, NDArray q, NDArray qBias, NDArray k, NDArray kBias, NDArray v, NDArray vBias,
            NDArray o, NDArray postNorm, NDArray gate, NDArray up, NDArray down) {
    }

    private static final ValueLayout.OfShort BF16_BITS = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfShort F16_BITS = ValueLayout.JAVA_SHORT.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfFloat F32_VALUE = ValueLayout.JAVA_FLOAT.withOrder(ByteOrder.LITTLE_ENDIAN);

    private static final int CHUNK = 1 << 16;

    private final NDArray embedding;
    private final List<Layer> layers;
    private final NDArray finalNorm;
    private final NDArray lmHead;
    private final long bytesPerToken;

    private Qwen2Weights(NDArray embedding, List<Layer> layers, NDArray finalNorm, NDArray lmHead, long bytesPerToken) {
        this.embedding = embedding;
        this.layers = layers;
        this.finalNorm = finalNorm;
        this.lmHead = lmHead;
        this.bytesPerToken = bytesPerToken;
    }

    NDArray embedding() {
        return embedding;
    }

    List<Layer> layers() {
        return layers;
    }

    NDArray finalNorm() {
        return finalNorm;
    }

    NDArray lmHead() {
        return lmHead;
    }

    /**
     * Bytes of weights one decoding step reads: every projection, norm and the lm_head; the
     * embedding table only when it doubles as the lm_head (a lookup reads one row).
     */
    long bytesPerToken() {
        return bytesPerToken;
    }

    /**
     * Loads and checks every tensor; {@code manager} owns the arrays, on its device; {@code arena}
     * owns the native memory of bf16 weights widened for the CPU and must outlive the arrays.
     */
    static Qwen2Weights load(WeightFiles files, Qwen2Config c, NDManager manager, DataType dtype, Path folder,
            Arena arena) throws ModelFolderException {
        Loader loader = new Loader(files, manager, dtype, folder, arena);
        int h = c.hiddenSize();
        int qOut = c.attentionHeads() * c.headSize();
        int kvOut = c.keyValueHeads() * c.headSize();
        int im = c.intermediateSize();
        NDArray embedding = loader.get("model.embed_tokens.weight", c.vocabSize(), h);
        List<Layer> layers = new ArrayList<>();
        for (int i = 0; i < c.layers(); i++) {
            String p = "model.layers." + i + ".";
            layers.add(new Layer(
                    loader.get(p + "input_layernorm.weight", h),
                    loader.get(p + "self_attn.q_proj.weight", qOut, h),
                    loader.get(p + "self_attn.q_proj.bias", qOut),
                    loader.get(p + "self_attn.k_proj.weight", kvOut, h),
                    loader.get(p + "self_attn.k_proj.bias", kvOut),
                    loader.get(p + "self_attn.v_proj.weight", kvOut, h),
                    loader.get(p + "self_attn.v_proj.bias", kvOut),
                    loader.get(p + "self_attn.o_proj.weight", h, qOut),
                    loader.get(p + "post_attention_layernorm.weight", h),
                    loader.get(p + "mlp.gate_proj.weight", im, h),
                    loader.get(p + "mlp.up_proj.weight", im, h),
                    loader.get(p + "mlp.down_proj.weight", h, im)));
        }
        NDArray finalNorm = loader.get("model.norm.weight", h);
        NDArray lmHead = c.tieWordEmbeddings() ? embedding : loader.get("lm_head.weight", c.vocabSize(), h);
        long perToken = c.tieWordEmbeddings() ? loader.bytes : loader.bytes - bytesOf(embedding);
        return new Qwen2Weights(embedding, List.copyOf(layers), finalNorm, lmHead, perToken);
    }

    private static long bytesOf(NDArray a) {
        return a.getShape().size() * a.getDataType().getNumOfBytes();
    }

    /** Creates arrays from the mapped bytes, checking names and shapes. */
    private static final class Loader {
        private final WeightFiles files;
        private final NDManager manager;
        private final DataType dtype;
        private final Path folder;
        private final Arena arena;
        private long bytes;

        Loader(WeightFiles files, NDManager manager, DataType dtype, Path folder, Arena arena) {
            this.arena = arena;
            this.files = files;
            this.manager = manager;
            this.dtype = dtype;
            this.folder = folder;
        }

        NDArray get(String name, long... expected) throws ModelFolderException {
            TensorEntry entry = files.entry(name);
            if (entry == null) {
                throw new ModelFolderException(folder + ": tensor " + name + " is missing from the weights");
            }
            SafetensorsFile file = files.fileOf(name);
            if (!Arrays.equals(entry.shape(), expected)) {
                throw new ModelFolderException(file.path() + ": tensor " + name + " has shape "
                        + entry.shapeText() + " but config.json implies " + Arrays.toString(expected));
            }
            Shape shape = new Shape(expected);
            NDArray array;
            if (entry.dtype() == TensorDtype.BF16) {
                array = fromBf16(file.segment(entry), entry.elements(), shape);
            } else {
                // Same type on the CPU: the array is a view of the mapped file, nothing is copied.
                NDArray raw = manager.create(file.bytes(entry), shape, entry.dtype().djl());
                array = raw.toType(dtype, false);
                if (array != raw) {
                    raw.close();
                }
            }
            bytes += bytesOf(array);
            return array;
        }

        /**
         * bf16 widened in Java into native memory (DJL cannot hold bf16). On the CPU the array keeps
         * pointing at that memory, which {@code arena} owns; for a GPU it is staging, freed after the copy.
         */
        private NDArray fromBf16(MemorySegment source, long elements, Shape shape) {
            boolean half = dtype == DataType.FLOAT16;
            long size = elements * (half ? 2 : 4);
            boolean staging = manager.getDevice().isGpu();
            Arena scratch = staging ? Arena.ofConfined() : null;
            try {
                MemorySegment target = (staging ? scratch : arena).allocate(size, 64);
                // In chunks through heap arrays: tight loops over arrays run several times faster than
                // element-wise segment access, and the chunk keeps the heap footprint small.
                short[] in = new short[CHUNK];
                float[] wide = half ? null : new float[CHUNK];
                short[] narrow = half ? new short[CHUNK] : null;
                for (long done = 0; done < elements; done += CHUNK) {
                    int n = (int) Math.min(CHUNK, elements - done);
                    MemorySegment.copy(source, BF16_BITS, done * 2, in, 0, n);
                    for (int i = 0; i < n; i++) {
                        float v = Float.intBitsToFloat((in[i] & 0xFFFF) << 16);
                        if (half) {
                            narrow[i] = Float.floatToFloat16(v);
                        } else {
                            wide[i] = v;
                        }
                    }
                    if (half) {
                        MemorySegment.copy(narrow, 0, target, F16_BITS, done * 2, n);
                    } else {
                        MemorySegment.copy(wide, 0, target, F32_VALUE, done * 4, n);
                    }
                }
                return manager.create(target.asByteBuffer().order(ByteOrder.LITTLE_ENDIAN), shape, dtype);
            } finally {
                if (scratch != null) {
                    scratch.close();
                }
            }
        }
    }
}
