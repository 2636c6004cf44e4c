package io.trailwatch.output;

import java.time.LocalDateTime;
import java.time.ZoneOffset;

/** The Hive-style partition {@code dt=YYYY-MM-DD/hour=HH} (UTC) that Athena projects. */
public final class HourPartition {

    private HourPartition() {}

    public static String of(long epochMillis) {
        LocalDateTime time =
                LocalDateTime.ofEpochSecond(Math.floorDiv(epochMillis, 1000), 0, ZoneOffset.UTC);
        return String.format(
                "dt=%04d-%02d-%02d/hour=%02d",
                time.getYear(), time.getMonthValue(), time.getDayOfMonth(), time.getHour());
    }
}
