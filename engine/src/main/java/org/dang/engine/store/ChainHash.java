package org.dang.engine.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import org.dang.engine.decision.Decision;
import org.dang.engine.json.Json;

/**
 * The decision chain's hashing: each row's hash is SHA-256 over the previous row's hash followed
 * by the row's canonical JSON. Writing and verifying both go through {@link #content}, so a change
 * to any stored column breaks the chain at that row.
 */
final class ChainHash {

    /** The previous-hash of the first row. */
    static final String GENESIS = "0".repeat(64);

    private ChainHash() {
    }

    /** The canonical fields of a chained row. */
    static Map<String, Object> content(long seq, Decision d, String situationHash) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seq", seq);
        m.put("id", d.id().toString());
        m.put("time", d.time().truncatedTo(ChronoUnit.MICROS).toString());
        m.put("situation_id", d.situationId());
        m.put("situation_hash", situationHash);
        m.put("triggers", d.triggers());
        m.put("action", d.action().name());
        m.put("module", d.module() == null ? null : d.module().key());
        m.put("priority", d.priority() == null ? null : d.priority().name());
        m.put("parameters", d.parameters());
        m.put("rationale", d.rationale());
        m.put("reasoning", d.reasoning());
        m.put("confidence", d.confidence());
        m.put("source", d.source().name());
        m.put("latency_us", latencyMicros(d));
        return m;
    }

    /** The hash of a row given its predecessor's hash. */
    static String link(String prevHash, long seq, Decision d, String situationHash) {
        return sha256(prevHash + Json.canonical(content(seq, d, situationHash)));
    }

    static long latencyMicros(Decision d) {
        return d.latency() == null ? 0 : d.latency().toNanos() / 1000;
    }

    static String sha256(String text) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }
}
