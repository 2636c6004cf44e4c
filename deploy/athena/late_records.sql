-- CloudTrail records that arrived behind the watermark (too late for a windowed pattern or an
-- aggregate window), written whole as JSON Lines under <base>/late/dt=YYYY-MM-DD/hour=HH/,
-- partitioned by eventTime (UTC). The columns are CloudTrail's record fields; nested objects whose
-- shape varies per API (requestParameters, responseElements, ...) are read as JSON text.
-- Replace s3://YOUR-BUCKET/YOUR-PREFIX with the job's output base path (twice).
CREATE EXTERNAL TABLE IF NOT EXISTS trailwatch_late_records (
  `eventVersion` string,
  `userIdentity` struct<
    type:string,
    principalId:string,
    arn:string,
    accountId:string,
    invokedBy:string,
    accessKeyId:string,
    userName:string,
    sessionContext:struct<
      attributes:struct<mfaAuthenticated:string,creationDate:string>,
      sessionIssuer:struct<type:string,principalId:string,arn:string,accountId:string,userName:string>,
      sourceIdentity:string>>,
  `eventTime` string,
  `eventSource` string,
  `eventName` string,
  `awsRegion` string,
  `sourceIPAddress` string,
  `userAgent` string,
  `errorCode` string,
  `errorMessage` string,
  `requestParameters` string,
  `responseElements` string,
  `additionalEventData` string,
  `requestID` string,
  `eventID` string,
  `resources` array<struct<ARN:string,accountId:string,type:string>>,
  `eventType` string,
  `apiVersion` string,
  `readOnly` boolean,
  `recipientAccountId` string,
  `serviceEventDetails` string,
  `sharedEventID` string,
  `vpcEndpointId` string,
  `vpcEndpointAccountId` string,
  `eventCategory` string,
  `managementEvent` boolean,
  `sessionCredentialFromConsole` string,
  `edgeDeviceDetails` string,
  `tlsDetails` struct<tlsVersion:string,cipherSuite:string,clientProvidedHostHeader:string>,
  `addendum` struct<reason:string,updatedFields:string,originalRequestID:string,originalEventID:string>,
  `insightDetails` string
)
PARTITIONED BY (`dt` string, `hour` string)
ROW FORMAT SERDE 'org.openx.data.jsonserde.JsonSerDe'
LOCATION 's3://YOUR-BUCKET/YOUR-PREFIX/late/'
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
  'storage.location.template' = 's3://YOUR-BUCKET/YOUR-PREFIX/late/dt=${dt}/hour=${hour}/'
);
