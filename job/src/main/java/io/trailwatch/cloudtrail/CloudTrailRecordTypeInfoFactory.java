package io.trailwatch.cloudtrail;

import java.lang.reflect.Type;
import java.util.Map;
import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeinfo.TypeInfoFactory;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;

/** Tells Flink to use {@link CloudTrailRecordSerializer} wherever a record travels or is kept. */
public final class CloudTrailRecordTypeInfoFactory extends TypeInfoFactory<CloudTrailRecord> {

    @Override
    public TypeInformation<CloudTrailRecord> createTypeInfo(
            Type t, Map<String, TypeInformation<?>> genericParameters) {
        return new CloudTrailRecordTypeInfo();
    }

    /** Type information for {@link CloudTrailRecord}. */
    public static final class CloudTrailRecordTypeInfo extends TypeInformation<CloudTrailRecord> {
        private static final long serialVersionUID = 1L;

        @Override
        public boolean isBasicType() {
            return false;
        }

        @Override
        public boolean isTupleType() {
            return false;
        }

        @Override
        public int getArity() {
            return 1;
        }

        @Override
        public int getTotalFields() {
            return 1;
        }

        @Override
        public Class<CloudTrailRecord> getTypeClass() {
            return CloudTrailRecord.class;
        }

        @Override
        public boolean isKeyType() {
            return false;
        }

        @Override
        public TypeSerializer<CloudTrailRecord> createSerializer(SerializerConfig config) {
            return new CloudTrailRecordSerializer();
        }

        @Override
        public String toString() {
            return "CloudTrailRecord";
        }

        @Override
        public boolean equals(Object obj) {
            return obj instanceof CloudTrailRecordTypeInfo;
        }

        @Override
        public int hashCode() {
            return CloudTrailRecordTypeInfo.class.hashCode();
        }

        @Override
        public boolean canEqual(Object obj) {
            return obj instanceof CloudTrailRecordTypeInfo;
        }
    }
}
