package io.trailwatch.connector.sqs.enumerator;

import io.trailwatch.connector.sqs.split.SqsSplit;
import io.trailwatch.connector.sqs.split.SqsSplitSerializer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;

/**
 * Versioned serializer of {@link SqsEnumeratorState}. Version 1: assigned split ids, then the
 * returned splits, each with its own split serializer version.
 */
public final class SqsEnumeratorStateSerializer
        implements SimpleVersionedSerializer<SqsEnumeratorState> {

    static final int VERSION_1 = 1;

    private final SqsSplitSerializer splitSerializer = SqsSplitSerializer.INSTANCE;

    @Override
    public int getVersion() {
        return VERSION_1;
    }

    @Override
    public byte[] serialize(SqsEnumeratorState state) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(256);
        out.writeInt(state.assignedSplitIds().size());
        for (String splitId : state.assignedSplitIds()) {
            out.writeUTF(splitId);
        }
        out.writeInt(state.returnedSplits().size());
        for (SqsSplit split : state.returnedSplits()) {
            byte[] bytes = splitSerializer.serialize(split);
            out.writeInt(splitSerializer.getVersion());
            out.writeInt(bytes.length);
            out.write(bytes);
        }
        return out.getCopyOfBuffer();
    }

    @Override
    public SqsEnumeratorState deserialize(int version, byte[] serialized) throws IOException {
        if (version != VERSION_1) {
            throw new IOException(
                    "unknown SqsEnumeratorState serialization version "
                            + version
                            + "; this build reads version "
                            + VERSION_1);
        }
        DataInputDeserializer in = new DataInputDeserializer(serialized);
        int assignedCount = in.readInt();
        Set<String> assigned = new HashSet<>();
        for (int i = 0; i < assignedCount; i++) {
            assigned.add(in.readUTF());
        }
        int returnedCount = in.readInt();
        List<SqsSplit> returned = new ArrayList<>(returnedCount);
        for (int i = 0; i < returnedCount; i++) {
            int splitVersion = in.readInt();
            byte[] bytes = new byte[in.readInt()];
            in.readFully(bytes);
            returned.add(splitSerializer.deserialize(splitVersion, bytes));
        }
        return new SqsEnumeratorState(assigned, returned);
    }
}
