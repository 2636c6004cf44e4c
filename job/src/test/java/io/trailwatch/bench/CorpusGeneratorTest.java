package io.trailwatch.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailwatch.cloudtrail.CloudTrailObjectKey;
import io.trailwatch.cloudtrail.CloudTrailRecord;
import io.trailwatch.cloudtrail.LogFileReader;
import io.trailwatch.pipeline.RepositoryFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusGeneratorTest {

    private static final long SEED = 42;
    private static final long RECORDS = 3_000;
    private static final int ACCOUNTS = 5;
    private static final int REGIONS = 3;
    private static final long WINDOW_SECONDS = 300;

    private static TemplateLibrary templates;

    @TempDir Path temp;

    @BeforeAll
    static void loadTemplates() throws IOException {
        templates =
                TemplateLibrary.load(
                        RepositoryFiles.root().resolve("job/src/test/resources/datasets"));
    }

    @Test
    void theSameSeedWritesTheSameBytes() throws IOException {
        Path first = temp.resolve("first");
        Path second = temp.resolve("second");
        generate(SEED, 0.5, first);
        generate(SEED, 0.5, second);

        List<Path> files = files(first);
        assertThat(files(second)).isEqualTo(files);
        for (Path file : files) {
            assertThat(Files.readAllBytes(second.resolve(file)))
                    .as("bytes of %s", file)
                    .isEqualTo(Files.readAllBytes(first.resolve(file)));
        }
    }

    @Test
    void anotherSeedWritesAnotherCorpus() throws IOException {
        generate(SEED, 0.5, temp.resolve("first"));
        generate(SEED + 1, 0.5, temp.resolve("other"));

        assertThat(files(temp.resolve("other"))).isNotEqualTo(files(temp.resolve("first")));
    }

    @Test
    void filesFollowTheCloudTrailLayoutAndHoldTheirStreamsEvents() throws IOException {
        Path out = temp.resolve("corpus");
        CorpusGenerator.Summary summary = generate(SEED, 0.5, out);

        long records = 0;
        Set<String> accounts = new HashSet<>();
        Set<String> regions = new HashSet<>();
        for (Path file : files(out)) {
            CloudTrailObjectKey key = CloudTrailObjectKey.parse(file.toString());
            assertThat(key.isLogFile()).as("%s is a log file key", file).isTrue();
            assertThat(key.hasStandardLayout()).as("%s is laid out", file).isTrue();
            accounts.add(key.accountId());
            regions.add(key.region());
            long delivery = key.deliveryTime().getEpochSecond();
            for (CloudTrailRecord record : read(out.resolve(file))) {
                records++;
                assertThat(record.recipientAccountId()).isEqualTo(key.accountId());
                assertThat(record.awsRegion()).isEqualTo(key.region());
                assertThat(record.get("userIdentity.accountId"))
                        .isIn(key.accountId(), null, "AWS Internal");
                long eventTime = record.eventTimeMillis() / 1000;
                assertThat(eventTime).isBetween(delivery - WINDOW_SECONDS, delivery - 1);
            }
        }
        assertThat(records).isEqualTo(summary.records()).isGreaterThanOrEqualTo(RECORDS);
        assertThat(accounts).hasSize(ACCOUNTS);
        assertThat(regions).hasSize(REGIONS);
        assertThat(summary.uncompressedBytes()).isGreaterThan(summary.compressedBytes());
    }

    @Test
    void injectsAttackScenariosOnlyWhereAsked() throws IOException {
        CorpusGenerator.Summary attacked = generate(SEED, 1.0, temp.resolve("attacked"));
        CorpusGenerator.Summary quiet = generate(SEED, 0.0, temp.resolve("quiet"));

        assertThat(attacked.scenarios()).isNotEmpty();
        assertThat(attacked.attackRecords()).isPositive();
        assertThat(stratusRecords(temp.resolve("attacked"))).isEqualTo(attacked.attackRecords());
        assertThat(quiet.scenarios()).isEmpty();
        assertThat(stratusRecords(temp.resolve("quiet"))).isZero();
    }

    @Test
    void rewritesIdsAndPrincipalsButKeepsTheirShape() throws IOException {
        Path out = temp.resolve("corpus");
        generate(SEED, 0.0, out);

        Set<String> eventIds = new HashSet<>();
        long records = 0;
        for (Path file : files(out)) {
            for (CloudTrailRecord record : read(out.resolve(file))) {
                records++;
                eventIds.add(record.eventId());
                assertThat(record.eventId()).matches("[0-9a-f]{8}-([0-9a-f]{4}-){3}[0-9a-f]{12}");
                String arn = record.get("userIdentity.arn");
                if ("IAMUser".equals(record.get("userIdentity.type")) && arn != null) {
                    assertThat(arn)
                            .matches("arn:aws:iam::" + record.recipientAccountId() + ":user/.+")
                            .endsWith("/" + record.get("userIdentity.userName"));
                }
            }
        }
        assertThat(eventIds).hasSize((int) records);
    }

    private CorpusGenerator.Summary generate(long seed, double attackProbability, Path out)
            throws IOException {
        CorpusGenerator.Settings settings =
                new CorpusGenerator.Settings(
                        seed,
                        0,
                        RECORDS,
                        ACCOUNTS,
                        REGIONS,
                        attackProbability,
                        Instant.parse("2024-05-01T00:00:00Z"));
        return new CorpusGenerator(templates, settings).generate(out);
    }

    private static long stratusRecords(Path corpus) throws IOException {
        long count = 0;
        for (Path file : files(corpus)) {
            for (CloudTrailRecord record : read(corpus.resolve(file))) {
                String agent = record.get("userAgent");
                if (agent != null && agent.contains("stratus-red-team")) {
                    count++;
                }
            }
        }
        return count;
    }

    private static List<CloudTrailRecord> read(Path file) throws IOException {
        List<CloudTrailRecord> records = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file);
                LogFileReader reader = LogFileReader.open(in, file.toString())) {
            CloudTrailRecord record;
            while ((record = reader.next()) != null) {
                records.add(record);
            }
            assertThat(reader.malformedRecords()).isZero();
        }
        return records;
    }

    /** Paths relative to the corpus root, sorted. */
    private static List<Path> files(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile)
                    .map(root::relativize)
                    .sorted()
                    .collect(Collectors.toList());
        }
    }
}
