package io.trailwatch.bench;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;

/**
 * Writes a corpus of CloudTrail log files in the S3 layout CloudTrail uses, {@code
 * AWSLogs/<account>/CloudTrail/<region>/YYYY/MM/DD/<account>_CloudTrail_<region>_<time>_<id>.json.gz},
 * resampled from real records (see {@link TemplateLibrary}) with injected attack scenarios.
 *
 * <h2>Shape of the traffic</h2>
 *
 * <ul>
 *   <li>{@code accounts} accounts, each active in every one of {@code regions} regions (us-east-1
 *       first): one delivery stream per account and region, one file per stream and five-minute
 *       window in which the stream had events, as CloudTrail delivers.
 *   <li>Activity is skewed as in real organisations: account {@code k} (from 1) is {@code 1/k^0.8}
 *       as busy as the first; in its home region an account is ten times as busy as in its other
 *       regions, and global services (IAM, STS, sign-in…) are delivered in us-east-1. The busiest
 *       stream averages {@link #BUSIEST_STREAM_RECORDS_PER_WINDOW} records per file.
 *   <li>Each record is a real template drawn uniformly (so the event mix and record sizes are those
 *       of the dataset) and rewritten by {@link RecordRewriter} with one of the account's users,
 *       fresh ids and a time inside the window; records of a file are in time order.
 *   <li>In each window, with probability {@code attackProbability}, one Stratus Red Team technique
 *       is replayed in a random account's home region, keeping its records' spacing in time.
 * </ul>
 *
 * <p>The output depends only on the {@link Settings}: the same seed writes the same bytes. Memory
 * stays bounded: one file's records are drawn, sorted and streamed through gzip at a time.
 */
public final class CorpusGenerator {

    /** The first window starts here; fixed so that corpora are comparable across runs. */
    public static final Instant DEFAULT_START = Instant.parse("2024-05-01T00:00:00Z");

    static final int WINDOW_SECONDS = 300;
    static final int BUSIEST_STREAM_RECORDS_PER_WINDOW = 400;
    private static final double ACCOUNT_SKEW = 0.8;
    private static final double OTHER_REGION_SHARE = 0.1;
    private static final int USERS_PER_ACCOUNT = 12;
    private static final int GZIP_BUFFER = 64 * 1024;

    private static final List<String> REGIONS =
            List.of(
                    "us-east-1",
                    "eu-west-1",
                    "us-west-2",
                    "eu-central-1",
                    "ap-southeast-2",
                    "ap-northeast-1",
                    "us-east-2",
                    "sa-east-1",
                    "ca-central-1",
                    "ap-south-1");
    private static final List<String> FIRST_NAMES =
            List.of(
                    "alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi", "ivan",
                    "judy", "mallory", "niaj", "olivia", "peggy", "rupert", "sybil", "trent",
                    "victor", "walter", "yasmin");
    private static final DateTimeFormatter FILE_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmm'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY_FOLDERS =
            DateTimeFormatter.ofPattern("yyyy/MM/dd").withZone(ZoneOffset.UTC);
    private static final String ID_CHARS =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    /**
     * What to generate. Generation stops after the file that reaches either target.
     *
     * @param targetBytes uncompressed JSON bytes to write, or 0 for no limit
     * @param targetRecords records to write, or 0 for no limit
     * @param attackProbability chance per five-minute window that an attack scenario is injected
     */
    public record Settings(
            long seed,
            long targetBytes,
            long targetRecords,
            int accounts,
            int regions,
            double attackProbability,
            Instant start) {

        public Settings {
            if (targetBytes <= 0 && targetRecords <= 0) {
                throw new IllegalArgumentException("give a size or a record count to generate");
            }
            if (accounts < 1) {
                throw new IllegalArgumentException("accounts must be at least 1");
            }
            if (regions < 1 || regions > REGIONS.size()) {
                throw new IllegalArgumentException(
                        "regions must be between 1 and " + REGIONS.size());
            }
            if (attackProbability < 0 || attackProbability > 1) {
                throw new IllegalArgumentException("attackProbability must be within [0, 1]");
            }
            Objects.requireNonNull(start, "start");
        }

        /**
         * 20 accounts in 6 regions, an attack in three windows of ten, from {@link #DEFAULT_START}.
         */
        public static Settings of(long seed, long targetBytes, long targetRecords) {
            return new Settings(seed, targetBytes, targetRecords, 20, 6, 0.3, DEFAULT_START);
        }
    }

    /** What was written. */
    public record Summary(
            int files,
            long records,
            long attackRecords,
            long uncompressedBytes,
            long compressedBytes,
            TreeMap<String, Integer> scenarios,
            Instant firstWindow,
            Instant lastWindowEnd) {}

    private final TemplateLibrary templates;
    private final Settings settings;
    private final RecordRewriter rewriter;
    private final JsonFactory json = new JsonFactory();

    public CorpusGenerator(TemplateLibrary templates, Settings settings) {
        this.templates = templates;
        this.settings = settings;
        this.rewriter = new RecordRewriter(settings.seed());
    }

    /** Writes the corpus under {@code out} (created if needed) and says what it wrote. */
    public Summary generate(Path out) throws IOException {
        SplittableRandom random = new SplittableRandom(settings.seed());
        List<Account> accounts = accounts(random);
        List<DeliveryStream> streams = streams(accounts);
        Progress progress = new Progress();
        long window = 0;
        while (!progress.reached(settings)) {
            long windowStart = settings.start().getEpochSecond() + window * WINDOW_SECONDS;
            DeliveryStream attacked = null;
            TemplateLibrary.Scenario scenario = null;
            if (random.nextDouble() < settings.attackProbability()) {
                Account victim = accounts.get(random.nextInt(accounts.size()));
                attacked = streamOf(streams, victim, victim.homeRegion);
                scenario = templates.scenarios().get(random.nextInt(templates.scenarios().size()));
            }
            for (DeliveryStream stream : streams) {
                List<Event> events = background(stream, windowStart, random);
                if (stream == attacked) {
                    events.addAll(attack(scenario, stream, windowStart, random));
                    progress.scenarios.merge(scenario.name(), 1, Integer::sum);
                }
                if (events.isEmpty()) {
                    continue;
                }
                events.sort(Comparator.comparingLong(Event::seconds));
                writeFile(out, stream, windowStart + WINDOW_SECONDS, events, random, progress);
                if (progress.reached(settings)) {
                    break;
                }
            }
            window++;
        }
        return new Summary(
                progress.files,
                progress.records,
                progress.attackRecords,
                progress.uncompressedBytes,
                progress.compressedBytes,
                progress.scenarios,
                settings.start(),
                settings.start().plusSeconds(window * WINDOW_SECONDS));
    }

    private List<Event> background(
            DeliveryStream stream, long windowStart, SplittableRandom random) {
        int count = poisson(stream.meanRecordsPerWindow, random);
        List<Event> events = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            List<ObjectNode> pool =
                    stream.deliversGlobalEvents && random.nextInt(4) == 0
                            ? templates.global()
                            : templates.regional();
            if (pool.isEmpty()) {
                pool = templates.regional();
            }
            ObjectNode template = pool.get(random.nextInt(pool.size()));
            String user = stream.account.users.get(random.nextInt(USERS_PER_ACCOUNT));
            events.add(
                    new Event(windowStart + random.nextInt(WINDOW_SECONDS), template, user, false));
        }
        return events;
    }

    private static List<Event> attack(
            TemplateLibrary.Scenario scenario,
            DeliveryStream stream,
            long windowStart,
            SplittableRandom random) {
        List<ObjectNode> records = scenario.records();
        long first = Instant.parse(records.get(0).path("eventTime").asText()).getEpochSecond();
        long last =
                Instant.parse(records.get(records.size() - 1).path("eventTime").asText())
                        .getEpochSecond();
        long span = Math.min(last - first, WINDOW_SECONDS - 1);
        long start = windowStart + random.nextInt((int) (WINDOW_SECONDS - span));
        List<Event> events = new ArrayList<>(records.size());
        for (ObjectNode record : records) {
            long offset = Instant.parse(record.path("eventTime").asText()).getEpochSecond() - first;
            // The attacker's own principal stays: Stratus acts as one identity per technique.
            events.add(new Event(start + Math.min(offset, span), record, null, true));
        }
        return events;
    }

    private void writeFile(
            Path out,
            DeliveryStream stream,
            long deliverySeconds,
            List<Event> events,
            SplittableRandom random,
            Progress progress)
            throws IOException {
        Instant delivery = Instant.ofEpochSecond(deliverySeconds);
        String account = stream.account.id;
        Path folder =
                out.resolve("AWSLogs")
                        .resolve(account)
                        .resolve("CloudTrail")
                        .resolve(stream.region)
                        .resolve(DAY_FOLDERS.format(delivery));
        Files.createDirectories(folder);
        String name =
                account
                        + "_CloudTrail_"
                        + stream.region
                        + "_"
                        + FILE_TIME.format(delivery)
                        + "_"
                        + fileId(random)
                        + ".json.gz";
        Path file = folder.resolve(name);
        CountingOutputStream compressed =
                new CountingOutputStream(
                        new BufferedOutputStream(Files.newOutputStream(file), GZIP_BUFFER));
        CountingOutputStream uncompressed;
        try (GZIPOutputStream gzip = new GZIPOutputStream(compressed, GZIP_BUFFER)) {
            uncompressed = new CountingOutputStream(gzip);
            try (JsonGenerator generator = json.createGenerator(uncompressed, JsonEncoding.UTF8)) {
                generator.writeStartObject();
                generator.writeFieldName("Records");
                generator.writeStartArray();
                for (Event event : events) {
                    RecordRewriter.Target target =
                            new RecordRewriter.Target(
                                    account, stream.region, event.seconds, event.userName);
                    rewriter.write(generator, event.template, target, random);
                    if (event.attack) {
                        progress.attackRecords++;
                    }
                }
                generator.writeEndArray();
                generator.writeEndObject();
            }
        }
        progress.files++;
        progress.records += events.size();
        progress.uncompressedBytes += uncompressed.count;
        progress.compressedBytes += compressed.count;
    }

    private List<Account> accounts(SplittableRandom random) {
        List<Account> accounts = new ArrayList<>();
        for (int k = 0; k < settings.accounts(); k++) {
            StringBuilder id = new StringBuilder();
            id.append(1 + random.nextInt(9));
            for (int i = 1; i < 12; i++) {
                id.append(random.nextInt(10));
            }
            List<String> users = new ArrayList<>();
            for (int u = 0; u < USERS_PER_ACCOUNT; u++) {
                users.add(
                        FIRST_NAMES.get(random.nextInt(FIRST_NAMES.size())) + "." + (k * 100 + u));
            }
            String home = REGIONS.get(random.nextInt(settings.regions()));
            double activity = 1.0 / Math.pow(k + 1, ACCOUNT_SKEW);
            accounts.add(new Account(id.toString(), home, users, activity));
        }
        return accounts;
    }

    private List<DeliveryStream> streams(List<Account> accounts) {
        List<DeliveryStream> streams = new ArrayList<>();
        for (Account account : accounts) {
            for (String region : REGIONS.subList(0, settings.regions())) {
                double share = region.equals(account.homeRegion) ? 1.0 : OTHER_REGION_SHARE;
                double mean = BUSIEST_STREAM_RECORDS_PER_WINDOW * account.activity * share;
                streams.add(new DeliveryStream(account, region, mean, region.equals("us-east-1")));
            }
        }
        return streams;
    }

    private static DeliveryStream streamOf(
            List<DeliveryStream> streams, Account account, String region) {
        for (DeliveryStream stream : streams) {
            if (stream.account == account && stream.region.equals(region)) {
                return stream;
            }
        }
        throw new IllegalStateException("no stream for " + account.id + " in " + region);
    }

    /** Knuth's method for small means, a normal approximation for large ones. */
    static int poisson(double mean, SplittableRandom random) {
        if (mean < 30) {
            double limit = Math.exp(-mean);
            double product = random.nextDouble();
            int count = 0;
            while (product > limit) {
                product *= random.nextDouble();
                count++;
            }
            return count;
        }
        double gaussian = gaussian(random);
        return (int) Math.max(0, Math.round(mean + Math.sqrt(mean) * gaussian));
    }

    private static double gaussian(SplittableRandom random) {
        // Box-Muller: SplittableRandom has no nextGaussian on Java 17.
        double u = 1.0 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    private static String fileId(SplittableRandom random) {
        char[] id = new char[16];
        for (int i = 0; i < id.length; i++) {
            id[i] = ID_CHARS.charAt(random.nextInt(ID_CHARS.length()));
        }
        return new String(id);
    }

    private record Account(String id, String homeRegion, List<String> users, double activity) {}

    private record DeliveryStream(
            Account account,
            String region,
            double meanRecordsPerWindow,
            boolean deliversGlobalEvents) {}

    private record Event(long seconds, ObjectNode template, String userName, boolean attack) {}

    private static final class Progress {
        int files;
        long records;
        long attackRecords;
        long uncompressedBytes;
        long compressedBytes;
        final TreeMap<String, Integer> scenarios = new TreeMap<>();

        boolean reached(Settings settings) {
            return (settings.targetBytes() > 0 && uncompressedBytes >= settings.targetBytes())
                    || (settings.targetRecords() > 0 && records >= settings.targetRecords());
        }
    }

    /** Counts the bytes that pass, on either side of gzip. */
    private static final class CountingOutputStream extends FilterOutputStream {
        long count;

        CountingOutputStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }
}
