package io.trailwatch.alert;

import java.lang.reflect.Type;
import java.util.Map;
import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeinfo.TypeInfoFactory;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;

/** Tells Flink to use {@link AlertSerializer} wherever an alert travels or is kept. */
public final class AlertTypeInfoFactory extends TypeInfoFactory<Alert> {

    @Override
    public TypeInformation<Alert> createTypeInfo(
            Type t, Map<String, TypeInformation<?>> genericParameters) {
        return new AlertTypeInfo();
    }

    /** Type information for {@link Alert}. */
    public static final class AlertTypeInfo extends TypeInformation<Alert> {
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
        public Class<Alert> getTypeClass() {
            return Alert.class;
        }

        @Override
        public boolean isKeyType() {
            return false;
        }

        @Override
        public TypeSerializer<Alert> createSerializer(SerializerConfig config) {
            return new AlertSerializer();
        }

        @Override
        public String toString() {
            return "Alert";
        }

        @Override
        public boolean equals(Object obj) {
            return obj instanceof AlertTypeInfo;
        }

        @Override
        public int hashCode() {
            return AlertTypeInfo.class.hashCode();
        }

        @Override
        public boolean canEqual(Object obj) {
            return obj instanceof AlertTypeInfo;
        }
    }
}
