package io.trailwatch.cloudtrail;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import io.trailwatch.cloudtrail.PathTree.TopLevel;
import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.Arrays;
import java.util.Objects;
import java.util.StringJoiner;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the CloudTrail records of one file, one record at a time, from a stream, with memory
 * bounded whatever the file's size. A gzip file of up to {@link WholeGzip#MAX_STORED_BYTES} whose
 * text is at most {@link WholeGzip#MAX_TEXT_BYTES} (CloudTrail's files are mostly a few kilobytes)
 * is read whole and decompressed in one call, the fastest way; larger files, plain text and
 * anything the one-call decoder does not accept are streamed (a gzip file is first read ahead up to
 * that size, then streamed from what was read). Either way at most one record is materialised at a
 * time, and errors read the same.
 *
 * <h2>Accepted input</h2>
 *
 * <ul>
 *   <li>gzip or plain text, told apart by the gzip magic bytes, never by the file name; gzip is
 *       decompressed while reading (concatenated gzip members are read as one stream);
 *   <li>a CloudTrail log file {@code {"Records":[…]}}: {@code Records} may come anywhere in the
 *       object and other top-level keys are ignored;
 *   <li>a JSON array of records;
 *   <li>one record per line (NDJSON), or a single object that is itself a record; in general any
 *       sequence of the above separated by whitespace.
 * </ul>
 *
 * <p>Each record's {@link CloudTrailRecord#sequence()} is its position in the file, from 0,
 * counting skipped elements too, so records with equal {@code eventTime} keep their file order.
 *
 * <h2>What is skipped</h2>
 *
 * <ul>
 *   <li><b>Malformed records</b>: an element that is not an object, a record with more entries than
 *       {@link ReadLimits#maxEntriesPerRecord()}, and a record whose {@code eventTime} is missing
 *       or not ISO-8601. They are never returned (DESIGN: "reported and counted, never matched"),
 *       are counted in {@link #malformedRecords()}, and the first {@value
 *       #MALFORMED_LOGGED_PER_FILE} of a file are logged at WARN with the file, the record's
 *       position and its {@code eventID}. Reading continues with the next record.
 *   <li><b>CloudTrail Insights records</b> ({@code eventCategory: "Insight"} or {@code eventType:
 *       "AwsCloudTrailInsight"}) describe anomalies, not API calls: skipped and counted in {@link
 *       #insightRecordsSkipped()}.
 *   <li><b>Digest files</b> (a top-level object with {@code digestPublicKeyFingerprint} or {@code
 *       digestSignatureAlgorithm}, no {@code Records}): yield no records; {@link #isDigestFile()}.
 *       Callers that know the object key skip digest and Insights files before opening them, with
 *       {@link CloudTrailObjectKey}; the content checks here catch files whose names say nothing.
 * </ul>
 *
 * <h2>File-level errors</h2>
 *
 * {@link #open} and {@link #next} throw {@link LogFileException}, naming the file, what is wrong
 * and what was expected, when the file is empty, binary but not gzip, truncated or corrupt gzip,
 * not JSON or not UTF-8, a JSON value that is neither a log file nor records, has {@code Records}
 * that is not an array, is nested deeper than {@link ReadLimits#maxDepth()}, or is larger than
 * {@link ReadLimits#maxDecompressedBytes()} decompressed or {@link ReadLimits#maxCompressedBytes()}
 * as stored, or holds a string longer than {@link ReadLimits#maxStringLength()}. Records returned
 * before the error stay valid; after it {@code next} returns {@code null}. Any other {@link
 * IOException} comes from the underlying stream itself (network, file system) and may be worth a
 * retry.
 *
 * <p>Not thread-safe: one reader per file, used by one thread.
 */
public final class LogFileReader implements Closeable {

    private static final Logger LOG = LoggerFactory.getLogger(LogFileReader.class);

    /** Malformed records logged one by one per file; the rest are only counted. */
    public static final int MALFORMED_LOGGED_PER_FILE = 10;

    static final String EXPECTED =
            "expected a CloudTrail log file {\"Records\":[{…},…]}, a JSON array of records,"
                    + " or one JSON record per line";

    private static final String RECORDS = "Records";

    /** The option that sets {@link ReadLimits#maxStringLength()} for {@code run}. */
    static final String MAX_STRING_LENGTH_OPTION = "source.s3.max-string-length";

    /**
     * Per-file buffers; CloudTrail files are mostly a few kilobytes compressed, and allocating
     * (zeroing) two 64 KiB buffers per file showed in profiles of many small files.
     */
    private static final int BUFFER_BYTES = 16 * 1024;

    /** Enough to tell gzip, text and other binary formats apart. */
    private static final int HEAD_BYTES = 8;

    /** The first read; most CloudTrail files are smaller as stored, and it grows for the rest. */
    private static final int READ_AHEAD_BYTES = 8 * 1024;

    private static final int GZIP_MAGIC_1 = 0x1f;
    private static final int GZIP_MAGIC_2 = 0x8b;

    /**
     * Parsers share their factory, and with it the symbol table of field names, per set of limits.
     */
    private static final ConcurrentHashMap<ParserLimits, JsonFactory> FACTORIES =
            new ConcurrentHashMap<>();

    /** What a parser factory is configured with. */
    private record ParserLimits(int maxNestingDepth, int maxStringLength) {}

    private enum State {
        /** Between top-level JSON values. */
        ROOT,
        /** Inside a top-level object: a log file, a digest file or a single record. */
        TOP_OBJECT,
        /** Inside the {@code Records} array of a top-level object. */
        RECORDS_ARRAY,
        /** Inside a top-level array of records. */
        TOP_ARRAY,
        DONE
    }

    private final String origin;
    private final ReadLimits limits;
    private final StoredBytes stored;

    /** The decoded stream; {@code null} when the whole text was decompressed at once. */
    private final TextBytes text;

    /** The whole text, when it was decompressed at once; handed back on close. */
    private WholeGzip.Text whole;

    private final long wholeTextBytes;

    private final JsonParser parser;
    private final RecordFlattener recordFlattener;
    private final RecordFlattener topLevelFlattener;

    private State state = State.ROOT;
    private JsonStreamContext container;
    private long rootValues;

    /** Position of the next record candidate in the file, from 0: its sequence and "#n". */
    private long position;

    private boolean recordsKeySeen;
    private String topLevelTooLarge;
    private boolean digestFile;

    private long recordsRead;
    private long malformedRecords;
    private long insightRecordsSkipped;

    /** A reader of a decoded stream. */
    private LogFileReader(String origin, ReadLimits limits, StoredBytes stored, TextBytes text)
            throws IOException {
        this(origin, limits, stored, text, 0, factoryFor(limits).createParser(text));
    }

    /** A reader of a whole decompressed text. */
    private LogFileReader(
            String origin, ReadLimits limits, StoredBytes stored, WholeGzip.Text whole)
            throws IOException {
        this(
                origin,
                limits,
                stored,
                null,
                whole.length(),
                factoryFor(limits).createParser(whole.bytes(), 0, whole.length()));
        this.whole = whole;
    }

    private LogFileReader(
            String origin,
            ReadLimits limits,
            StoredBytes stored,
            TextBytes text,
            long wholeTextBytes,
            JsonParser parser) {
        this.origin = origin;
        this.limits = limits;
        this.stored = stored;
        this.text = text;
        this.wholeTextBytes = wholeTextBytes;
        this.parser = parser;
        this.recordFlattener = new RecordFlattener(limits.maxDepth(), limits.maxEntriesPerRecord());
        this.topLevelFlattener =
                new RecordFlattener(limits.maxDepth(), limits.maxEntriesPerRecord());
    }

    /**
     * Opens a reader over {@code raw}, which it closes on {@link #close()}. Reads the first bytes
     * to tell gzip from text.
     *
     * @param origin where the bytes come from ({@code s3://bucket/key} or a local path), used in
     *     messages and as each record's {@link CloudTrailRecord#origin()}
     * @throws LogFileException if the file is empty, binary but not gzip, or its gzip header is
     *     broken
     */
    public static LogFileReader open(InputStream raw, String origin, ReadLimits limits)
            throws IOException {
        Objects.requireNonNull(raw, "raw");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(limits, "limits");
        StoredBytes stored = new StoredBytes(raw, origin, limits.maxCompressedBytes());
        try {
            ReadAhead ahead = ReadAhead.head(stored, HEAD_BYTES, READ_AHEAD_BYTES);
            if (ahead.length == 0) {
                throw new LogFileException(origin, "is empty (0 bytes); " + EXPECTED);
            }
            byte[] head = ahead.head(HEAD_BYTES);
            boolean gzip =
                    head.length >= 2
                            && (head[0] & 0xff) == GZIP_MAGIC_1
                            && (head[1] & 0xff) == GZIP_MAGIC_2;
            InputStream decoded;
            if (gzip) {
                // Reading at most the stored-size limit never trips it here: a larger file is
                // streamed, and fails where it always did.
                ahead.readOn(
                        stored,
                        (int)
                                Math.min(
                                        WholeGzip.MAX_STORED_BYTES + 1L,
                                        limits.maxCompressedBytes()));
                if (ahead.complete) {
                    WholeGzip.Text whole =
                            WholeGzip.inflate(
                                    ahead.bytes, ahead.length, limits.maxDecompressedBytes());
                    if (whole != null) {
                        return new LogFileReader(origin, limits, stored, whole);
                    }
                }
                decoded = openGzip(ahead.replay(stored), origin, stored);
            } else {
                String binary = BinaryFormats.describe(head);
                if (binary != null) {
                    throw new LogFileException(
                            origin, "is " + binary + ", neither gzip nor JSON text; " + EXPECTED);
                }
                decoded = ahead.replay(stored);
            }
            TextBytes text = new TextBytes(decoded, origin, limits.maxDecompressedBytes(), gzip);
            return new LogFileReader(origin, limits, stored, text);
        } catch (IOException | RuntimeException e) {
            closeQuietly(stored, e);
            throw e;
        }
    }

    /** Opens with {@link ReadLimits#DEFAULTS}. */
    public static LogFileReader open(InputStream raw, String origin) throws IOException {
        return open(raw, origin, ReadLimits.DEFAULTS);
    }

    /**
     * The next valid record, or {@code null} at the end of the file.
     *
     * @throws LogFileException for file-level corruption (see the class comment)
     */
    public CloudTrailRecord next() throws IOException {
        if (state == State.DONE) {
            return null;
        }
        try {
            return advance();
        } catch (LogFileException e) {
            state = State.DONE;
            throw e;
        } catch (IOException e) {
            IOException translated = translate(e); // before DONE: it names the record being read
            state = State.DONE;
            throw translated;
        }
    }

    /** Valid records returned so far. */
    public long recordsRead() {
        return recordsRead;
    }

    /** Records skipped as malformed so far (see the class comment). */
    public long malformedRecords() {
        return malformedRecords;
    }

    /** CloudTrail Insights records skipped so far. */
    public long insightRecordsSkipped() {
        return insightRecordsSkipped;
    }

    /** Whether the file turned out to be a CloudTrail digest file (it yields no records). */
    public boolean isDigestFile() {
        return digestFile;
    }

    /**
     * Decompressed (text) bytes consumed so far; the parser reads ahead by up to one buffer, and a
     * file decompressed at once counts all of its text from the start.
     */
    public long uncompressedBytesRead() {
        return text != null ? text.count : wholeTextBytes;
    }

    /** Bytes consumed so far from the stream as stored (compressed, if gzip). */
    public long storedBytesRead() {
        return stored.count;
    }

    public String origin() {
        return origin;
    }

    @Override
    public void close() throws IOException {
        state = State.DONE;
        if (malformedRecords > MALFORMED_LOGGED_PER_FILE) {
            LOG.warn(
                    "{}: {} malformed records skipped in all; the first {} are logged above",
                    origin,
                    malformedRecords,
                    MALFORMED_LOGGED_PER_FILE);
        }
        try {
            parser.close();
        } finally {
            if (whole != null) {
                WholeGzip.release(whole); // the parser is closed: nothing reads the text any more
                whole = null;
            }
            if (text != null) {
                text.close();
            }
            stored.close();
        }
    }

    private CloudTrailRecord advance() throws IOException {
        while (true) {
            switch (state) {
                case ROOT:
                    {
                        CloudTrailRecord record = startRootValue();
                        if (record != null || state == State.DONE) {
                            return record;
                        }
                        break;
                    }
                case TOP_OBJECT:
                    {
                        CloudTrailRecord record = continueTopLevelObject();
                        if (record != null) {
                            return record;
                        }
                        break;
                    }
                case RECORDS_ARRAY:
                case TOP_ARRAY:
                    {
                        CloudTrailRecord record = nextArrayElement();
                        if (record != null) {
                            return record;
                        }
                        break;
                    }
                default:
                    return null;
            }
        }
    }

    private CloudTrailRecord startRootValue() throws IOException {
        JsonToken token = parser.nextToken();
        if (token == null) {
            state = State.DONE;
            if (rootValues == 0) {
                throw new LogFileException(
                        origin,
                        "has no JSON content (it is empty or only whitespace); " + EXPECTED);
            }
            return null;
        }
        rootValues++;
        if (token == JsonToken.START_ARRAY) {
            state = State.TOP_ARRAY;
            container = parser.getParsingContext();
        } else if (token == JsonToken.START_OBJECT) {
            state = State.TOP_OBJECT;
            container = parser.getParsingContext();
            topLevelFlattener.discardRecord();
            recordsKeySeen = false;
            topLevelTooLarge = null;
        } else if (rootValues == 1) {
            throw new LogFileException(
                    origin, "starts with " + describe(token) + " " + where() + "; " + EXPECTED);
        } else {
            // A stray scalar line in NDJSON: one bad record, not a bad file.
            malformed(position++, null, "is " + describe(token) + ", not a JSON object");
        }
        return null;
    }

    private CloudTrailRecord continueTopLevelObject() throws IOException {
        JsonToken token = parser.nextToken();
        if (token == JsonToken.END_OBJECT) {
            state = State.ROOT;
            return finishTopLevelObject();
        }
        if (token != JsonToken.FIELD_NAME) {
            throw new LogFileException(origin, "has unexpected " + describe(token) + " " + where());
        }
        String name = parser.currentName();
        if (RECORDS.equals(name)) {
            JsonToken value = parser.nextToken();
            if (value != JsonToken.START_ARRAY) {
                throw new LogFileException(
                        origin,
                        "has \"Records\" as "
                                + describe(value)
                                + " "
                                + where()
                                + "; expected an array of CloudTrail records:"
                                + " {\"Records\":[{…},…]}");
            }
            recordsKeySeen = true;
            state = State.RECORDS_ARRAY;
            container = parser.getParsingContext();
            return null;
        }
        JsonStreamContext object = parser.getParsingContext();
        try {
            topLevelFlattener.readMember(parser, name);
        } catch (NestingTooDeepException e) {
            throw tooDeep("the top-level object", e);
        } catch (RecordFormatException e) {
            topLevelTooLarge = e.getMessage();
            skipUntilBackIn(object);
        }
        return null;
    }

    private CloudTrailRecord finishTopLevelObject() throws IOException {
        if (recordsKeySeen) {
            topLevelFlattener.discardRecord();
            return null;
        }
        if (topLevelFlattener.hasMember("digestPublicKeyFingerprint")
                || topLevelFlattener.hasMember("digestSignatureAlgorithm")) {
            digestFile = true;
            topLevelFlattener.discardRecord();
            LOG.info("{}: is a CloudTrail digest file, not a log file; skipped", origin);
            return null;
        }
        long index = position++;
        if (topLevelTooLarge != null) {
            topLevelFlattener.discardRecord();
            malformed(index, null, topLevelTooLarge);
            return null;
        }
        CloudTrailRecord record = topLevelFlattener.finishRecord(origin, index);
        if (rootValues == 1 && !looksLikeRecord(topLevelFlattener)) {
            throw new LogFileException(
                    origin,
                    "is a JSON object with neither a \"Records\" array nor the fields of a"
                            + " CloudTrail record (eventTime, eventName, eventSource); its"
                            + " top-level keys are "
                            + topLevelKeys(record)
                            + "; "
                            + EXPECTED);
        }
        return accept(record, topLevelFlattener, index);
    }

    private CloudTrailRecord nextArrayElement() throws IOException {
        JsonToken token = parser.nextToken();
        if (token == JsonToken.END_ARRAY) {
            state = state == State.RECORDS_ARRAY ? State.TOP_OBJECT : State.ROOT;
            container = parser.getParsingContext();
            return null;
        }
        long index = position++;
        if (token != JsonToken.START_OBJECT) {
            malformed(index, null, "is " + describe(token) + ", not a JSON object");
            parser.skipChildren();
            return null;
        }
        CloudTrailRecord record;
        try {
            record = recordFlattener.flatten(parser, origin, index);
        } catch (NestingTooDeepException e) {
            throw tooDeep("record #" + index, e);
        } catch (RecordFormatException e) {
            skipUntilBackIn(container);
            malformed(index, null, e.getMessage());
            return null;
        }
        return accept(record, recordFlattener, index);
    }

    /** Counts and drops what is not a valid record; {@code flattener} has just built it. */
    private CloudTrailRecord accept(
            CloudTrailRecord record, RecordFlattener flattener, long index) {
        if (isInsight(record, flattener)) {
            insightRecordsSkipped++;
            return null;
        }
        if (!record.hasValidEventTime()) {
            malformed(
                    index,
                    topLevelString(record, flattener, TopLevel.EVENT_ID),
                    eventTimeProblem(record, flattener));
            return null;
        }
        recordsRead++;
        return record;
    }

    private void malformed(long index, String eventId, String reason) {
        malformedRecords++;
        if (malformedRecords <= MALFORMED_LOGGED_PER_FILE) {
            LOG.warn(
                    "{}: skipped malformed record #{}{} {}: {}",
                    origin,
                    index,
                    eventId == null ? "" : " (eventID " + eventId + ")",
                    where(),
                    reason);
        }
    }

    /** Reads on until the parser is back in {@code context}, past the value it was inside. */
    private void skipUntilBackIn(JsonStreamContext context) throws IOException {
        while (parser.getParsingContext() != context) {
            if (parser.nextToken() == null) {
                throw new LogFileException(
                        origin, "ends inside a record " + where() + " (the file is truncated)");
            }
        }
    }

    private LogFileException tooDeep(String what, NestingTooDeepException e) {
        return new LogFileException(
                origin,
                what
                        + " "
                        + where()
                        + ": "
                        + e.getMessage()
                        + " (limit maxDepth); CloudTrail records are rarely deeper than 10 levels",
                e);
    }

    private IOException translate(IOException e) {
        if (stored.failure != null && causedBy(e, stored.failure)) {
            return e; // the underlying stream failed: not the file's fault
        }
        if (e instanceof StreamConstraintsException) {
            String message = ((StreamConstraintsException) e).getOriginalMessage();
            if (message != null && message.contains("nesting depth")) {
                return new LogFileException(
                        origin,
                        "is nested deeper than "
                                + limits.maxDepth()
                                + " levels "
                                + where()
                                + " (limit maxDepth); "
                                + EXPECTED,
                        e);
            }
            if (message != null && message.startsWith("String value length")) {
                return new LogFileException(
                        origin,
                        recordBeingRead()
                                + " has a string value longer than the limit of "
                                + limits.maxStringLength()
                                + " characters "
                                + where()
                                + "; CloudTrail's own values are far shorter; to read such"
                                + " files anyway, raise `detect --max-string-length` or the"
                                + " `run` option "
                                + MAX_STRING_LENGTH_OPTION,
                        e);
            }
            return new LogFileException(
                    origin, "exceeds a parser limit " + where() + ": " + message, e);
        }
        if (e instanceof JsonEOFException) {
            return new LogFileException(
                    origin,
                    "ends in the middle of its JSON "
                            + where()
                            + " (the file is truncated or cut off): "
                            + ((JsonEOFException) e).getOriginalMessage(),
                    e);
        }
        if (e instanceof JsonParseException) {
            String message = ((JsonParseException) e).getOriginalMessage();
            if (message != null && message.contains("Invalid UTF-8")) {
                return new LogFileException(
                        origin,
                        "is not valid UTF-8 text "
                                + where()
                                + " ("
                                + message
                                + "); CloudTrail log files are UTF-8 JSON",
                        e);
            }
            return new LogFileException(
                    origin, "is not valid JSON " + where() + ": " + message + "; " + EXPECTED, e);
        }
        if (e instanceof EOFException && text != null && text.gzip) {
            return new LogFileException(
                    origin,
                    "is a truncated gzip stream: it ends after "
                            + text.count
                            + " decompressed bytes, before the gzip trailer (the object was cut"
                            + " off during upload or download)",
                    e);
        }
        if (e instanceof ZipException) {
            return new LogFileException(
                    origin, "has corrupt gzip data (" + e.getMessage() + ")", e);
        }
        return e;
    }

    /** The record the parser is inside, by its position in the file, for messages. */
    private String recordBeingRead() {
        return switch (state) {
            case RECORDS_ARRAY, TOP_ARRAY -> "record #" + (position - 1);
            case TOP_OBJECT -> recordsKeySeen ? "the top-level object" : "record #" + position;
            default -> "the file";
        };
    }

    private String where() {
        JsonLocation location = parser.currentTokenLocation();
        if (location == null || location.getLineNr() < 0) {
            return "";
        }
        return "at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    private static InputStream openGzip(InputStream in, String origin, StoredBytes stored)
            throws IOException {
        try {
            return new GZIPInputStream(in, BUFFER_BYTES);
        } catch (EOFException e) {
            if (stored.failure != null) {
                throw e;
            }
            throw new LogFileException(
                    origin, "is a truncated gzip stream: it ends inside the gzip header", e);
        } catch (ZipException e) {
            throw new LogFileException(
                    origin, "has a corrupt gzip header (" + e.getMessage() + ")", e);
        }
    }

    private static boolean isInsight(CloudTrailRecord record, RecordFlattener flattener) {
        return "Insight".equals(topLevelString(record, flattener, TopLevel.EVENT_CATEGORY))
                || "AwsCloudTrailInsight"
                        .equals(topLevelString(record, flattener, TopLevel.EVENT_TYPE));
    }

    private static boolean looksLikeRecord(RecordFlattener flattener) {
        return flattener.topLevelIndex(TopLevel.EVENT_TIME) >= 0
                || flattener.topLevelIndex(TopLevel.EVENT_NAME) >= 0
                || flattener.topLevelIndex(TopLevel.EVENT_SOURCE) >= 0;
    }

    private static String eventTimeProblem(CloudTrailRecord record, RecordFlattener flattener) {
        int index = flattener.topLevelIndex(TopLevel.EVENT_TIME);
        String example = "ISO-8601 such as 2014-07-08T17:35:27Z";
        if (index < 0) {
            return "it has no eventTime; every CloudTrail record needs one, in " + example;
        }
        if (record.kind(index) != FieldKind.STRING) {
            return "its eventTime is " + record.kind(index) + ", not a string in " + example;
        }
        return "its eventTime \"" + record.value(index) + "\" is not " + example;
    }

    private static String topLevelKeys(CloudTrailRecord record) {
        StringJoiner keys = new StringJoiner(", ", "[", "]");
        int shown = 0;
        for (int i = 0; i < record.size() && shown < 8; i++) {
            String path = record.path(i);
            if (path.indexOf('.') < 0 && path.indexOf('[') < 0) {
                keys.add(path);
                shown++;
            }
        }
        return keys.toString();
    }

    /** Noted by the flattener while it read the record: no scan over the record's entries. */
    private static String topLevelString(
            CloudTrailRecord record, RecordFlattener flattener, TopLevel field) {
        int index = flattener.topLevelIndex(field);
        return index >= 0 && record.kind(index) == FieldKind.STRING ? record.value(index) : null;
    }

    private static String describe(JsonToken token) {
        if (token == null) {
            return "the end of the input";
        }
        switch (token) {
            case START_OBJECT:
                return "an object";
            case START_ARRAY:
                return "an array";
            case VALUE_STRING:
                return "a string";
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return "a number";
            case VALUE_TRUE:
            case VALUE_FALSE:
                return "a boolean";
            case VALUE_NULL:
                return "null";
            default:
                return token.toString();
        }
    }

    private static boolean causedBy(Throwable e, Throwable cause) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t == cause) {
                return true;
            }
        }
        return false;
    }

    private static JsonFactory factoryFor(ReadLimits limits) {
        // The record object sits at most two levels down, {"Records":[ {record} ]}; one more
        // level lets the flattener, which knows the record and path, report a deep record first.
        int parserDepth = limits.maxDepth() + 3;
        return FACTORIES.computeIfAbsent(
                new ParserLimits(parserDepth, limits.maxStringLength()),
                parserLimits ->
                        new InPlaceJsonFactory(
                                new JsonFactoryBuilder()
                                        .streamReadConstraints(
                                                StreamReadConstraints.builder()
                                                        .maxNestingDepth(
                                                                parserLimits.maxNestingDepth())
                                                        .maxStringLength(
                                                                parserLimits.maxStringLength())
                                                        .build())));
    }

    private static void closeQuietly(Closeable closeable, Exception primary) {
        try {
            closeable.close();
        } catch (IOException e) {
            primary.addSuppressed(e);
        }
    }

    /**
     * The first bytes of the stream as stored, read before the reader knows how to decode it, and
     * replayed in front of the rest of the stream when it is streamed after all.
     */
    private static final class ReadAhead {
        byte[] bytes;
        int length;

        /** Whether the end of the stream was reached: {@link #bytes} is the whole file. */
        boolean complete;

        /** The stream's own failure while reading ahead, raised again where the rest would be. */
        IOException failure;

        private ReadAhead(byte[] bytes) {
            this.bytes = bytes;
        }

        /** Reads until at least {@code atLeast} bytes are in or the stream ends. */
        static ReadAhead head(InputStream in, int atLeast, int capacity) throws IOException {
            ReadAhead ahead = new ReadAhead(new byte[capacity]);
            while (ahead.length < atLeast && !ahead.complete) {
                ahead.readOnce(in, capacity);
            }
            return ahead;
        }

        byte[] head(int count) {
            return Arrays.copyOf(bytes, Math.min(count, length));
        }

        /**
         * Reads on until the stream ends or {@code limit} bytes are in. A failure of the stored
         * stream is kept for {@link #replay} rather than thrown.
         */
        void readOn(StoredBytes in, int limit) throws IOException {
            try {
                while (!complete && length < limit) {
                    if (length == bytes.length) {
                        bytes = Arrays.copyOf(bytes, (int) Math.min(2L * length, limit));
                    }
                    readOnce(in, limit);
                }
            } catch (IOException e) {
                if (e != in.failure) {
                    throw e;
                }
                failure = e;
            }
        }

        private void readOnce(InputStream in, int limit) throws IOException {
            int n = in.read(bytes, length, Math.min(bytes.length, limit) - length);
            if (n < 0) {
                complete = true;
            } else {
                length += n;
            }
        }

        /** The bytes read ahead, then the rest of {@code stored} (or its failure). */
        InputStream replay(StoredBytes stored) {
            InputStream rest = failure == null ? stored : new FailedStream(stored, failure);
            return new SequenceInputStream(new ByteArrayInputStream(bytes, 0, length), rest);
        }
    }

    /** A stream that failed while it was read ahead: reading it on raises that failure. */
    private static final class FailedStream extends FilterInputStream {
        private final IOException failure;

        FailedStream(InputStream in, IOException failure) {
            super(in);
            this.failure = failure;
        }

        @Override
        public int read() throws IOException {
            throw failure;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            throw failure;
        }
    }

    /**
     * The stream as stored: counts bytes, enforces the stored-size limit, and remembers its own
     * failures so they are not mistaken for corrupt content.
     */
    private static final class StoredBytes extends FilterInputStream {
        private final String origin;
        private final long limit;
        long count;
        IOException failure;
        private boolean closed;

        StoredBytes(InputStream in, String origin, long limit) {
            super(in);
            this.origin = origin;
            this.limit = limit;
        }

        /** Closes the stream once, whichever layer above closes it first. */
        @Override
        public void close() throws IOException {
            if (!closed) {
                closed = true;
                in.close();
            }
        }

        @Override
        public int read() throws IOException {
            int b;
            try {
                b = in.read();
            } catch (IOException e) {
                failure = e;
                throw e;
            }
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n;
            try {
                n = in.read(buffer, offset, length);
            } catch (IOException e) {
                failure = e;
                throw e;
            }
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            throw new IOException("skip is not supported");
        }

        @Override
        public boolean markSupported() {
            return false;
        }

        private void counted(int n) throws LogFileException {
            count += n;
            if (count > limit) {
                throw new LogFileException(
                        origin,
                        "is larger than "
                                + limit
                                + " bytes as stored (limit maxCompressedBytes); raise the limit if"
                                + " log files this large are expected");
            }
        }
    }

    /** The decoded text: counts bytes and enforces the decompressed-size limit. */
    private static final class TextBytes extends FilterInputStream {
        private final String origin;
        private final long limit;
        final boolean gzip;
        long count;

        TextBytes(InputStream in, String origin, long limit, boolean gzip) {
            super(in);
            this.origin = origin;
            this.limit = limit;
            this.gzip = gzip;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            throw new IOException("skip is not supported");
        }

        @Override
        public boolean markSupported() {
            return false;
        }

        private void counted(int n) throws LogFileException {
            count += n;
            if (count > limit) {
                throw new LogFileException(
                        origin,
                        gzip
                                ? "decompresses to more than "
                                        + limit
                                        + " bytes (limit maxDecompressedBytes), which looks like a"
                                        + " decompression bomb; raise the limit if log files this"
                                        + " large are expected"
                                : "has more than "
                                        + limit
                                        + " bytes of text (limit maxDecompressedBytes); raise the"
                                        + " limit if log files this large are expected");
            }
        }
    }
}
