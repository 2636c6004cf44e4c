package io.trailwatch.bench;

import io.trailwatch.cloudtrail.CloudTrailRecord;
import io.trailwatch.cloudtrail.LogFileReader;
import io.trailwatch.cloudtrail.ReadLimits;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** TrailWatch's own reading: gzip → flattened {@link CloudTrailRecord}s, as the job reads. */
final class LogFileReaderContender implements ParseContender {

    /** Entries of the records read so far, so that each record is looked at. */
    private long entries;

    @Override
    public String name() {
        return "TrailWatch LogFileReader (flattened records)";
    }

    @Override
    public long read(Path file) throws IOException {
        long records = 0;
        try (InputStream in = Files.newInputStream(file);
                LogFileReader reader =
                        LogFileReader.open(in, file.toString(), ReadLimits.DEFAULTS)) {
            CloudTrailRecord record;
            while ((record = reader.next()) != null) {
                records++;
                entries += record.size();
            }
        }
        return records;
    }

    long entries() {
        return entries;
    }
}
