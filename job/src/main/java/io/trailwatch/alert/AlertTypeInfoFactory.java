package io.trailwatch.alert;

import io.trailwatch.types.SerializerTypeInfo;
import java.lang.reflect.Type;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.TypeInfoFactory;
import org.apache.flink.api.common.typeinfo.TypeInformation;

/** Tells Flink to use {@link AlertSerializer} wherever an alert travels or is kept. */
public final class AlertTypeInfoFactory extends TypeInfoFactory<Alert> {

    @Override
    public TypeInformation<Alert> createTypeInfo(
            Type t, Map<String, TypeInformation<?>> genericParameters) {
        return new SerializerTypeInfo<>(Alert.class, AlertSerializer::new);
    }
}
