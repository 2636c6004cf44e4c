-- TrailWatch alerts (DESIGN §6), JSON Lines under <base>/alerts/dt=YYYY-MM-DD/hour=HH/,
-- partitioned by the alert's first event time (UTC), not by detection time.
-- Replace s3://YOUR-BUCKET/YOUR-PREFIX with the job's output base path (twice).
CREATE EXTERNAL TABLE IF NOT EXISTS trailwatch_alerts (
  `alertId` string,
  `patternId` string,
  `title` string,
  `severity` string,
  `group` map<string,string>,
  `count` int,
  `firstEventTime` string,
  `lastEventTime` string,
  `eventIds` array<string>,
  `events` array<struct<
    eventID:string,
    eventTime:string,
    eventSource:string,
    eventName:string,
    awsRegion:string,
    recipientAccountId:string,
    sourceIPAddress:string,
    userAgent:string,
    userIdentity:struct<type:string,principalId:string,arn:string,accountId:string,accessKeyId:string,userName:string,invokedBy:string>,
    errorCode:string,
    errorMessage:string,
    requestParameters:string,
    resources:array<struct<ARN:string,accountId:string,type:string>>>>,
  `detectedAt` string
)
PARTITIONED BY (`dt` string, `hour` string)
ROW FORMAT SERDE 'org.openx.data.jsonserde.JsonSerDe'
LOCATION 's3://YOUR-BUCKET/YOUR-PREFIX/alerts/'
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
  'storage.location.template' = 's3://YOUR-BUCKET/YOUR-PREFIX/alerts/dt=${dt}/hour=${hour}/'
);
