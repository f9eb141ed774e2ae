package io.github.mmm4j.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mmm4j.core.DataException;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ScenarioFilesTest {

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(ScenarioFilesTest.class.getResource("/scenarios/" + name).toURI());
    }

    @Test
    void yamlAndJsonFilesLoadToEqualSpecsAndGenerateIdenticalData() throws Exception {
        ScenarioSpec yaml = ScenarioFiles.read(resource("example.yaml"));
        ScenarioSpec json = ScenarioFiles.read(resource("example.json"));
        assertEquals(json, yaml);
        assertEquals(6, yaml.channels().size());
        assertEquals(2, yaml.nGeos());
        assertEquals(new ScenarioSpec.Harmonic(3000, 0), yaml.baseline().seasonality().get(1));
        Generated a = Synthetic.generate(yaml, 3);
        Generated b = Synthetic.generate(json, 3);
        assertEquals(a.truth().toJson(), b.truth().toJson());
        assertEquals(2 * 104, a.data().nRows());
    }

    @ParameterizedTest
    @ValueSource(strings = {"easy", "realistic", "hard", "geo"})
    void presetsRoundTripThroughJsonAndYaml(String preset, @TempDir Path dir) {
        ScenarioSpec spec = Presets.byName(preset);
        assertEquals(spec, ScenarioFiles.fromJson(ScenarioFiles.toJson(spec)));
        assertEquals(spec, ScenarioFiles.fromYaml(ScenarioFiles.toYaml(spec)));
        ScenarioFiles.write(spec, dir.resolve("s.yml"));
        ScenarioFiles.write(spec, dir.resolve("s.json"));
        assertEquals(spec, ScenarioFiles.read(dir.resolve("s.yml")));
        assertEquals(spec, ScenarioFiles.read(dir.resolve("s.json")));
    }

    @Test
    void errorsNameTheFileAndTheFieldPath(@TempDir Path dir) throws IOException {
        String base = "channels:\n  - name: tv\n    effect: %s\n    spend: {type: always_on, mean: 100}\n"
                + "    adstock: {type: geometric, alpha: %s}\n    saturation: {type: hill, ec: 1, slope: 1}\n";
        Path f = dir.resolve("bad.yaml");
        Files.writeString(f, String.format(base, "-1.0", "0.5"));
        DataException e = assertThrows(DataException.class, () -> ScenarioFiles.read(f));
        assertEquals(f + ": channels[0].effect = -1.0; must be >= 0", e.getMessage());

        Files.writeString(f, String.format(base, "1", "1.5"));
        e = assertThrows(DataException.class, () -> ScenarioFiles.read(f));
        assertTrue(e.getMessage().startsWith(f + ": channels[0].adstock.alpha = 1.5;"), e.getMessage());

        Files.writeString(f, String.format(base, "abc", "0.5"));
        e = assertThrows(DataException.class, () -> ScenarioFiles.read(f));
        assertEquals(f + ": channels[0].effect = \"abc\"; must be a number", e.getMessage());

        Files.writeString(f, String.format(base, "1", "0.5") + "nosie: {sd: 1}\n");
        e = assertThrows(DataException.class, () -> ScenarioFiles.read(f));
        assertTrue(e.getMessage().startsWith(f + ": nosie: unknown field"), e.getMessage());

        Files.writeString(f, "channels:\n  - name: tv\n    spend: {type: bursty, mean: 1}\n");
        e = assertThrows(DataException.class, () -> ScenarioFiles.read(f));
        assertTrue(e.getMessage().contains("channels[0].spend.type = 'bursty'; unknown spend pattern"), e.getMessage());

        Path j = dir.resolve("bad.json");
        Files.writeString(j, "{\"channels\": [\n  {\"name\": }\n]}");
        e = assertThrows(DataException.class, () -> ScenarioFiles.read(j));
        assertEquals(2, e.line(), e.getMessage());

        e = assertThrows(DataException.class, () -> ScenarioFiles.read(dir.resolve("none.json")));
        assertTrue(e.getMessage().endsWith("none.json: file not found"), e.getMessage());
    }
}
