package org.dang.engine.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigWriterTest {

    @TempDir
    Path dir;

    @Test
    void writtenConfigReadsBackEqual() {
        DangConfig d = DangConfig.defaults();
        DangConfig custom = new DangConfig(new OrchestratorConfig(new LlmConfig("deepseek-r1-distill-qwen-14b",
                Optional.of("dang-r1-prod"), Optional.of("/models/r1 \"14b\""), 0.5, 0.9, 8192)), d.modules(),
                new DecisionEngineConfig(0.7, 2, Duration.ofMillis(250), Duration.ofMinutes(30), d.decisionEngine().rules()),
                new StoreConfig(dir.resolve("decisions")));
        assertEquals(custom, ConfigLoader.parse(ConfigWriter.yaml(custom), "written"));
        assertEquals(d.decisionEngine(), ConfigLoader.parse(ConfigWriter.yaml(d), "defaults").decisionEngine());
        DangConfig advisor = custom.withAdvisor(new AdvisorConfig(false, Duration.ofSeconds(45), 9));
        assertEquals(advisor, ConfigLoader.parse(ConfigWriter.yaml(advisor), "written"));
    }

    @Test
    void saveValidatesFirstAndNeverWritesABadFile() throws Exception {
        Path file = dir.resolve("config.yaml");
        String good = ConfigWriter.yaml(DangConfig.defaults());
        ConfigWriter.save(good, file);
        assertEquals(good, Files.readString(file));

        String bad = good.replace("confidence_threshold: 0.8", "confidence_threshold: 1.7");
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigWriter.save(bad, file));
        assertTrue(e.getMessage().contains("decision_engine.confidence_threshold"), e.getMessage());
        assertEquals(good, Files.readString(file), "the saved file is untouched");
        try (var files = Files.list(dir)) {
            assertFalse(files.anyMatch(f -> f.toString().endsWith(".tmp")), "no temporary file left behind");
        }
    }
}
