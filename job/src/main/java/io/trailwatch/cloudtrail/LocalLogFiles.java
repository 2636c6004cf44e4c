package io.trailwatch.cloudtrail;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.connector.file.src.FileSourceSplit;
import org.apache.flink.connector.file.src.enumerate.NonSplittingRecursiveEnumerator;
import org.apache.flink.core.fs.Path;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The records of local (or any Flink file system) CloudTrail files and directories, for bounded
 * runs, read in batches of {@value #FILES_PER_BATCH} files. The files are listed once, as {@link
 * CloudTrailFileSource} lists them, and the batches are spread over the readers.
 *
 * <p>Why not {@link CloudTrailFileSource}: Flink's file source hands out one file per request, with
 * a round trip to its coordinator, a metric group and often a new fetcher thread for each;
 * CloudTrail writes many small files (a few KB each), so that per-file work cost more than reading
 * them, and a fetcher shut down between files can stall the reader's close (FLINK-40660).
 */
public final class LocalLogFiles {

    static final int FILES_PER_BATCH = 64;

    /** Files of one batch: path URI and size in bytes. */
    static final TypeInformation<List<Tuple2<String, Long>>> BATCH =
            Types.LIST(Types.TUPLE(Types.STRING, Types.LONG));

    private LocalLogFiles() {}

    /** Reads every log file under {@code paths} once, at the environment's parallelism. */
    public static DataStream<CloudTrailRecord> read(
            StreamExecutionEnvironment env, ReadLimits limits, Path... paths) throws IOException {
        List<List<Tuple2<String, Long>>> batches = batches(paths);
        if (batches.isEmpty()) {
            batches = List.of(List.of()); // Flink's collection source fails on an empty collection
        }
        return env.fromData(batches, BATCH)
                .name("list CloudTrail files")
                .uid("local-file-batches")
                .rebalance()
                .flatMap(new ReadLogFileBatch(new CloudTrailLogFormat(limits)))
                .returns(TypeInformation.of(CloudTrailRecord.class))
                .name("read CloudTrail files")
                .uid("local-files")
                // Explicit: batch execution would size this stage by its input, the file list,
                // which is a few hundred KB for any corpus, and read everything on one core.
                .setParallelism(env.getParallelism());
    }

    /** The log files under {@code paths}, in batches, in path order. */
    static List<List<Tuple2<String, Long>>> batches(Path... paths) throws IOException {
        CloudTrailFileFilter filter = new CloudTrailFileFilter(Set.of(paths));
        Collection<FileSourceSplit> files =
                new NonSplittingRecursiveEnumerator(filter).enumerateSplits(paths, 1);
        List<FileSourceSplit> sorted = new ArrayList<>(files);
        sorted.sort(Comparator.comparing(split -> split.path().toString()));
        List<List<Tuple2<String, Long>>> batches = new ArrayList<>();
        List<Tuple2<String, Long>> batch = new ArrayList<>();
        for (FileSourceSplit file : sorted) {
            batch.add(Tuple2.of(file.path().toUri().toString(), file.fileSize()));
            if (batch.size() == FILES_PER_BATCH) {
                batches.add(batch);
                batch = new ArrayList<>();
            }
        }
        if (!batch.isEmpty()) {
            batches.add(batch);
        }
        return batches;
    }
}
