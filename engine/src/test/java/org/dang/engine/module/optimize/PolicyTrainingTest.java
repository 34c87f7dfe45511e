package org.dang.engine.module.optimize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

import org.dang.engine.cli.TrainPolicyCommand;
import org.dang.engine.module.optimize.env.CduOptimizationEnv;
import org.dang.engine.module.optimize.policy.PolicyArtifact;
import org.dang.engine.module.optimize.policy.PolicyStore;

/** dang train-policy: progress, versioned artifacts, reproducible from the seed; the store checks what it loads. */
class PolicyTrainingTest {

    @TempDir
    Path dir;

    private String train(Path out, long seed) {
        StringWriter text = new StringWriter();
        CommandLine cl = new CommandLine(new TrainPolicyCommand());
        cl.setOut(new PrintWriter(text));
        int code = cl.execute("--episodes", "150", "--seed", String.valueOf(seed), "--out", out.toString());
        assertEquals(0, code, text.toString());
        return text.toString();
    }

    @Test
    void sameSeedGivesTheSameHashAndVersionsCountUp() throws IOException {
        String first = train(dir, 3);
        assertTrue(first.contains("generation 1/1"), first);
        assertTrue(first.contains("wrote trained_policy_v1"), first);
        String second = train(dir, 3);
        assertTrue(second.contains("wrote trained_policy_v2"), second);
        PolicyStore store = new PolicyStore(dir);
        PolicyArtifact v1 = store.load("trained_policy_v1");
        PolicyArtifact v2 = store.load("trained_policy_v2");
        assertEquals(v1.computeHash().length(), 64);
        // Same seed and budget: same weights, curve and metadata; only the name and version differ.
        assertEquals(v1.asVersion(7).hash(), v2.asVersion(7).hash());
        assertEquals(CduOptimizationEnv.VERSION, v1.environmentVersion());
        assertEquals(1, v1.trainingCurve().size());
        String other = train(dir.resolve("other"), 4);
        assertTrue(other.contains("trained_policy_v1"));
        assertNotEquals(v1.asVersion(7).hash(), new PolicyStore(dir.resolve("other")).load("trained_policy_v1")
                .asVersion(7).hash());
    }

    @Test
    void anAlteredOrGarbledPolicyFileIsRefusedNamingTheFile() throws IOException {
        train(dir, 5);
        Path f = dir.resolve("trained_policy_v1.json");
        String json = Files.readString(f);
        Files.writeString(f, json.replaceFirst("\"seed\" : 5", "\"seed\" : 6"));
        IOException e = assertThrows(IOException.class, () -> new PolicyStore(dir).load("trained_policy_v1"));
        assertTrue(e.getMessage().contains("trained_policy_v1.json") && e.getMessage().contains("hash mismatch"),
                e.getMessage());
        Files.writeString(f, "{ not json");
        e = assertThrows(IOException.class, () -> new PolicyStore(dir).load("trained_policy_v1"));
        assertTrue(e.getMessage().contains("not a policy file"), e.getMessage());
        e = assertThrows(IOException.class, () -> new PolicyStore(dir).load("../etc/passwd"));
        assertTrue(e.getMessage().contains("not a policy name"), e.getMessage());
    }

    @Test
    void theConfiguredPolicyIsBundled() throws IOException {
        PolicyArtifact p = new PolicyStore(dir).load("trained_policy_v2");
        assertEquals("trained_policy_v2", p.name());
        assertEquals(p.hash(), p.computeHash());
        assertTrue(p.trainingCurve().size() > 10);
    }
}
