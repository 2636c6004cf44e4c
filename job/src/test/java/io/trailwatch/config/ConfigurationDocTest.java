package io.trailwatch.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code docs/configuration.md} lists exactly the options the code defines. */
class ConfigurationDocTest {

    private static final Path DOC =
            Path.of(System.getProperty("trailwatch.repo.root", ".."), "docs", "configuration.md");
    private static final String REGENERATE = "trailwatch.regenerate-docs";

    @Test
    void theOptionsTableMatchesTheCode() throws Exception {
        String document = Files.readString(DOC, StandardCharsets.UTF_8);
        String current = OptionsTable.replaceTable(document);
        if (Boolean.getBoolean(REGENERATE)) {
            Files.writeString(DOC, current, StandardCharsets.UTF_8);
            document = current;
        }
        assertThat(document)
                .as(
                        "%s is out of date with the options in the code; regenerate it with"
                                + " `mvn -B -pl job test -Dtest=ConfigurationDocTest -D%s=true`",
                        DOC.toAbsolutePath().normalize(), REGENERATE)
                .isEqualTo(current);
    }

    @Test
    void everyOptionHasADescription() {
        assertThat(OptionCatalog.entries())
                .isNotEmpty()
                .allSatisfy(entry -> assertThat(entry.description()).as(entry.key()).isNotBlank());
    }
}
