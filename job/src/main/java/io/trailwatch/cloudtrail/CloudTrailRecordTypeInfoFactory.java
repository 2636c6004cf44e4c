package io.trailwatch.cloudtrail;

import io.trailwatch.types.SerializerTypeInfo;
import java.lang.reflect.Type;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.TypeInfoFactory;
import org.apache.flink.api.common.typeinfo.TypeInformation;

/** Tells Flink to use {@link CloudTrailRecordSerializer} wherever a record travels or is kept. */
public final class CloudTrailRecordTypeInfoFactory extends TypeInfoFactory<CloudTrailRecord> {

    @Override
    public TypeInformation<CloudTrailRecord> createTypeInfo(
            Type t, Map<String, TypeInformation<?>> genericParameters) {
        return new SerializerTypeInfo<>(CloudTrailRecord.class, CloudTrailRecordSerializer::new);
    }
}
