package io.trailwatch.config;

import io.trailwatch.connector.sqs.config.SqsSourceOptions;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.description.HtmlFormatter;
import org.apache.flink.util.TimeUtils;

/**
 * Every option {@code run} understands: the job's ({@link TrailWatchOptions}) and the SQS source's
 * ({@link SqsSourceOptions}), found by reflection so that none can be left out of the validation or
 * the documentation.
 */
public final class OptionCatalog {

    /** One option with what the documentation shows of it. */
    public record Entry(ConfigOption<?> option, String type) {

        public String key() {
            return option.key();
        }

        public String defaultText() {
            if (!option.hasDefaultValue()) {
                return "";
            }
            Object value = option.defaultValue();
            if (value instanceof List<?> list) {
                return list.stream().map(Entry::format).collect(Collectors.joining(";"));
            }
            return format(value);
        }

        private static String format(Object value) {
            return value instanceof Duration duration
                    ? TimeUtils.formatWithHighestUnit(duration)
                    : String.valueOf(value);
        }

        public String description() {
            return new HtmlFormatter().format(option.description());
        }
    }

    private static final List<Class<?>> OPTION_CLASSES =
            List.of(TrailWatchOptions.class, SqsSourceOptions.class);

    private static final Map<String, Entry> ENTRIES = scan();

    private OptionCatalog() {}

    /** All options, sorted by key. */
    public static List<Entry> entries() {
        return List.copyOf(ENTRIES.values());
    }

    public static Entry find(String key) {
        return ENTRIES.get(key);
    }

    private static Map<String, Entry> scan() {
        List<Entry> entries = new ArrayList<>();
        for (Class<?> holder : OPTION_CLASSES) {
            for (Field field : holder.getFields()) {
                if (Modifier.isStatic(field.getModifiers())
                        && field.getType() == ConfigOption.class) {
                    entries.add(new Entry(read(field), typeName(field.getGenericType())));
                }
            }
        }
        entries.sort(Comparator.comparing(Entry::key));
        Map<String, Entry> byKey = new LinkedHashMap<>();
        for (Entry entry : entries) {
            if (byKey.put(entry.key(), entry) != null) {
                throw new IllegalStateException("option key defined twice: " + entry.key());
            }
        }
        return byKey;
    }

    private static ConfigOption<?> read(Field field) {
        try {
            return (ConfigOption<?>) field.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read option " + field, e);
        }
    }

    /** The option's value type as users write it, from the field's declared type. */
    private static String typeName(Type fieldType) {
        return valueTypeName(((ParameterizedType) fieldType).getActualTypeArguments()[0]);
    }

    private static String valueTypeName(Type valueType) {
        if (valueType instanceof ParameterizedType list) {
            return "List<" + valueTypeName(list.getActualTypeArguments()[0]) + ">";
        }
        return ((Class<?>) valueType).getSimpleName();
    }
}
