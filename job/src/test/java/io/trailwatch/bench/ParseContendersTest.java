package io.trailwatch.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailwatch.pipeline.RepositoryFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark's contenders read the same corpus and agree on what is in it. */
class ParseContendersTest {

    private static final long RECORDS = 800;

    @TempDir static Path temp;

    private static Corpus corpus;

    @BeforeAll
    static void generateCorpus() throws Exception {
        TemplateLibrary templates =
                TemplateLibrary.load(
                        RepositoryFiles.root().resolve("job/src/test/resources/datasets"));
        new CorpusGenerator(templates, CorpusGenerator.Settings.of(3, 0, RECORDS)).generate(temp);
        corpus = Corpus.scan(temp);
    }

    @Test
    void corpusScanCountsEveryRecordAndByte() {
        assertThat(corpus.records()).isGreaterThanOrEqualTo(RECORDS);
        assertThat(corpus.uncompressedBytes()).isGreaterThan(corpus.compressedBytes());
        assertThat(corpus.files()).allMatch(file -> file.toString().endsWith(".json.gz"));
    }

    @Test
    void theAwsLibraryIsFoundOnTheTestClassPathAndCountsTheSameRecords() throws Exception {
        List<ParseContender> found = new ArrayList<>();
        ServiceLoader.load(ParseContender.class).forEach(found::add);

        assertThat(found).hasSize(1);
        assertThat(readAll(found.get(0))).isEqualTo(corpus.records());
    }

    @Test
    void logFileReaderCountsTheCorpusRecords() throws Exception {
        assertThat(readAll(new LogFileReaderContender())).isEqualTo(corpus.records());
    }

    @Test
    void bothGunzipFloorsDecompressTheWholeCorpus() throws Exception {
        assertThat(readAll(new WholeFileGunzip())).isEqualTo(corpus.uncompressedBytes());
        assertThat(readAll(new GunzipOnly())).isEqualTo(corpus.uncompressedBytes());
    }

    @Test
    void tokenWalkSeesMoreTokensThanRecords() throws Exception {
        assertThat(readAll(new TokenWalkBaseline())).isGreaterThan(corpus.records() * 20);
    }

    @Test
    void parsingWithThreadsReadsEachFileOnce() throws Exception {
        assertThat(Benchmark.parseWithThreads(corpus.files(), 2)).isEqualTo(corpus.records());
    }

    private static long readAll(ParseContender contender) throws Exception {
        long total = 0;
        for (Path file : corpus.files()) {
            total += contender.read(file);
        }
        return total;
    }
}
