package org.dang.engine.llm.local;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * An independent plain-Java Qwen2 for checking the NDArray forward pass: its own reading of the
 * safetensors files (whole file into a byte array; fine for tiny models), double arithmetic, no
 * cache, written from the equations of the Hugging Face Qwen2 model rather than from the main code.
 */
final class ReferenceQwen2 {

    private final Map<String, double[]> w = new HashMap<>();
    private final int hidden;
    private final int inter;
    private final int layers;
    private final int heads;
    private final int kvHeads;
    private final int headDim;
    private final int vocab;
    private final double eps;
    private final double theta;
    private final boolean tied;

    ReferenceQwen2(Path folder) throws IOException {
        ObjectMapper json = new ObjectMapper();
        JsonNode c = json.readTree(folder.resolve("config.json").toFile());
        hidden = c.get("hidden_size").asInt();
        inter = c.get("intermediate_size").asInt();
        layers = c.get("num_hidden_layers").asInt();
        heads = c.get("num_attention_heads").asInt();
        kvHeads = c.get("num_key_value_heads").asInt();
        headDim = hidden / heads;
        vocab = c.get("vocab_size").asInt();
        eps = c.get("rms_norm_eps").asDouble();
        theta = c.get("rope_theta").asDouble();
        tied = c.get("tie_word_embeddings").asBoolean();
        try (var files = Files.list(folder)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".safetensors")).toList()) {
                readFile(f, json);
            }
        }
    }

    private void readFile(Path file, ObjectMapper json) throws IOException {
        byte[] all = Files.readAllBytes(file);
        ByteBuffer buf = ByteBuffer.wrap(all).order(ByteOrder.LITTLE_ENDIAN);
        int headerLen = (int) buf.getLong(0);
        JsonNode header = json.readTree(new String(all, 8, headerLen, StandardCharsets.UTF_8));
        int base = 8 + headerLen;
        for (var it = header.properties().iterator(); it.hasNext();) {
            var e = it.next();
            if (e.getKey().equals("__metadata__")) {
                continue;
            }
            String dtype = e.getValue().get("dtype").asText();
            int begin = e.getValue().get("data_offsets").get(0).asInt();
            int end = e.getValue().get("data_offsets").get(1).asInt();
            int size = dtype.equals("F32") ? 4 : 2;
            double[] values = new double[(end - begin) / size];
            for (int i = 0; i < values.length; i++) {
                int at = base + begin + i * size;
                values[i] = switch (dtype) {
                    case "F32" -> buf.getFloat(at);
                    case "BF16" -> Float.intBitsToFloat((buf.getShort(at) & 0xFFFF) << 16);
                    case "F16" -> Float.float16ToFloat(buf.getShort(at));
                    default -> throw new IllegalArgumentException(dtype);
                };
            }
            w.put(e.getKey(), values);
        }
    }

    /** Logits [position][vocab] of the whole sequence. */
    double[][] logits(int[] ids) {
        int n = ids.length;
        double[][] x = new double[n][];
        double[] emb = w.get("model.embed_tokens.weight");
        for (int t = 0; t < n; t++) {
            x[t] = new double[hidden];
            System.arraycopy(emb, ids[t] * hidden, x[t], 0, hidden);
        }
        for (int l = 0; l < layers; l++) {
            String p = "model.layers." + l + ".";
            double[][] q = new double[n][];
            double[][] k = new double[n][];
            double[][] v = new double[n][];
            for (int t = 0; t < n; t++) {
                double[] h = norm(x[t], w.get(p + "input_layernorm.weight"));
                q[t] = rope(project(h, p + "self_attn.q_proj"), heads, t);
                k[t] = rope(project(h, p + "self_attn.k_proj"), kvHeads, t);
                v[t] = project(h, p + "self_attn.v_proj");
            }
            int perKv = heads / kvHeads;
            for (int t = 0; t < n; t++) {
                double[] out = new double[heads * headDim];
                for (int hd = 0; hd < heads; hd++) {
                    int kvh = hd / perKv;
                    double[] s = new double[t + 1];
                    double max = Double.NEGATIVE_INFINITY;
                    for (int j = 0; j <= t; j++) {
                        double dot = 0;
                        for (int d = 0; d < headDim; d++) {
                            dot += q[t][hd * headDim + d] * k[j][kvh * headDim + d];
                        }
                        s[j] = dot / Math.sqrt(headDim);
                        max = Math.max(max, s[j]);
                    }
                    double sum = 0;
                    for (int j = 0; j <= t; j++) {
                        s[j] = Math.exp(s[j] - max);
                        sum += s[j];
                    }
                    for (int j = 0; j <= t; j++) {
                        for (int d = 0; d < headDim; d++) {
                            out[hd * headDim + d] += s[j] / sum * v[j][kvh * headDim + d];
                        }
                    }
                }
                double[] o = matVec(w.get(p + "self_attn.o_proj.weight"), out, hidden);
                for (int i = 0; i < hidden; i++) {
                    x[t][i] += o[i];
                }
            }
            for (int t = 0; t < n; t++) {
                double[] h = norm(x[t], w.get(p + "post_attention_layernorm.weight"));
                double[] gate = matVec(w.get(p + "mlp.gate_proj.weight"), h, inter);
                double[] up = matVec(w.get(p + "mlp.up_proj.weight"), h, inter);
                double[] act = new double[inter];
                for (int i = 0; i < inter; i++) {
                    act[i] = gate[i] / (1 + Math.exp(-gate[i])) * up[i];
                }
                double[] down = matVec(w.get(p + "mlp.down_proj.weight"), act, hidden);
                for (int i = 0; i < hidden; i++) {
                    x[t][i] += down[i];
                }
            }
        }
        double[] head = w.get(tied ? "model.embed_tokens.weight" : "lm_head.weight");
        double[][] logits = new double[n][];
        for (int t = 0; t < n; t++) {
            logits[t] = matVec(head, norm(x[t], w.get("model.norm.weight")), vocab);
        }
        return logits;
    }

    private double[] project(double[] h, String name) {
        double[] weight = w.get(name + ".weight");
        double[] bias = w.get(name + ".bias");
        double[] out = matVec(weight, h, bias.length);
        for (int i = 0; i < out.length; i++) {
            out[i] += bias[i];
        }
        return out;
    }

    /** Rotates each head's pairs (i, i + d/2) by position * theta^(-2i/d). */
    private double[] rope(double[] vec, int headCount, int position) {
        double[] out = vec.clone();
        int half = headDim / 2;
        for (int hd = 0; hd < headCount; hd++) {
            for (int i = 0; i < half; i++) {
                double angle = position * Math.pow(theta, -2.0 * i / headDim);
                double a = vec[hd * headDim + i];
                double b = vec[hd * headDim + half + i];
                out[hd * headDim + i] = a * Math.cos(angle) - b * Math.sin(angle);
                out[hd * headDim + half + i] = b * Math.cos(angle) + a * Math.sin(angle);
            }
        }
        return out;
    }

    private double[] norm(double[] x, double[] weight) {
        double ss = 0;
        for (double d : x) {
            ss += d * d;
        }
        double inv = 1 / Math.sqrt(ss / x.length + eps);
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = x[i] * inv * weight[i];
        }
        return out;
    }

    private static double[] matVec(double[] m, double[] v, int rows) {
        double[] out = new double[rows];
        int cols = v.length;
        for (int r = 0; r < rows; r++) {
            double s = 0;
            for (int c = 0; c < cols; c++) {
                s += m[r * cols + c] * v[c];
            }
            out[r] = s;
        }
        return out;
    }
}
