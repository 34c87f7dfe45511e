package org.dang.engine.module.forecast;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The file of one trained forecaster: a header ("FCM1", family, feature count, model count), then each step's
 * model as its family writes it (XGBoost booster bytes in UBJSON, ridge coefficients with their standardisation).
 */
public final class ModelFile {

    private static final int MAGIC = 0x46434D31;

    private ModelFile() {
    }

    /** Writes the models atomically (temporary file, then rename) and returns the file's SHA-256. */
    public static String write(Path file, ModelFamily family, int featureCount, List<FittedModel> models) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(buffer)) {
            out.writeInt(MAGIC);
            out.writeUTF(family.key());
            out.writeInt(featureCount);
            out.writeInt(models.size());
            for (FittedModel m : models) {
                byte[] b = m.toBytes();
                out.writeInt(b.length);
                out.write(b);
            }
        }
        byte[] bytes = buffer.toByteArray();
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.write(tmp, bytes);
        try {
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
        return sha256(bytes);
    }

    /**
     * Reads the models back, checking the file's SHA-256 against {@code expectedHash} first.
     *
     * @throws IOException when the file is missing, changed since it was written, or not a model file
     */
    public static List<FittedModel> read(Path file, String expectedHash) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        String hash = sha256(bytes);
        if (!hash.equals(expectedHash)) {
            throw new IOException("model file " + file + " has changed since it was written (SHA-256 " + hash
                    + ", recorded " + expectedHash + ")");
        }
        try (DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(bytes))) {
            if (in.readInt() != MAGIC) {
                throw new IOException(file + " is not a forecast model file");
            }
            String key = in.readUTF();
            ModelFamily family = ModelFamily.fromKey(key).orElseThrow(() -> new IOException(file + ": unknown family " + key));
            int features = in.readInt();
            int count = in.readInt();
            List<FittedModel> models = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                byte[] b = new byte[in.readInt()];
                in.readFully(b);
                models.add(family == ModelFamily.RIDGE ? RidgeRegressor.load(b) : XgbRegressor.load(b, features));
            }
            return models;
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    /** Hex SHA-256 of bytes. */
    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** Hex SHA-256 of a string's UTF-8 bytes. */
    static String sha256(String text) {
        return sha256(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
