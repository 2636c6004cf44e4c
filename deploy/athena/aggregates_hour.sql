-- TrailWatch activity aggregates per hour (io.trailwatch.output.OutputFiles), gzip JSON Lines
-- under <base>/aggregates/hour/dt=YYYY-MM-DD/hour=HH/, partitioned by window start (UTC).
-- Replace s3://YOUR-BUCKET/YOUR-PREFIX with the job's output base path (twice).
CREATE EXTERNAL TABLE IF NOT EXISTS trailwatch_aggregates_hour (
  `granularity` string,
  `windowStart` string,
  `windowEnd` string,
  `dimension` string,
  `value` string,
  `events` bigint,
  `errors` bigint,
  `distinctEventNames` bigint,
  `distinctSourceIps` bigint,
  `late` boolean
)
PARTITIONED BY (`dt` string, `hour` string)
ROW FORMAT SERDE 'org.openx.data.jsonserde.JsonSerDe'
LOCATION 's3://YOUR-BUCKET/YOUR-PREFIX/aggregates/hour/'
TBLPROPERTIES (
  'projection.enabled' = 'true',
  'projection.dt.type' = 'date',
  'projection.dt.format' = 'yyyy-MM-dd',
  'projection.dt.range' = '2013-11-01,NOW',
  'projection.dt.interval' = '1',
  'projection.dt.interval.unit' = 'DAYS',
  'projection.hour.type' = 'integer',
  'projection.hour.range' = '0,23',
  'projection.hour.digits' = '2',
  'storage.location.template' = 's3://YOUR-BUCKET/YOUR-PREFIX/aggregates/hour/dt=${dt}/hour=${hour}/'
);
