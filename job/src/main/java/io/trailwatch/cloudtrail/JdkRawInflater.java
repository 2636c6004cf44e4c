package io.trailwatch.cloudtrail;

import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/** zlib through {@link Inflater}, on arrays; one reused inflater per thread. */
final class JdkRawInflater implements RawInflater {

    private static final ThreadLocal<Inflater> PER_THREAD =
            ThreadLocal.withInitial(() -> new Inflater(true));

    @Override
    public String name() {
        return "JDK zlib";
    }

    @Override
    public boolean inflateExactly(byte[] in, int offset, int length, byte[] out, int expected) {
        if (out.length <= expected) {
            return false;
        }
        Inflater inflater = PER_THREAD.get();
        inflater.reset();
        inflater.setInput(in, offset, length);
        try {
            int produced = inflater.inflate(out, 0, expected + 1);
            return inflater.finished() && inflater.getRemaining() == 0 && produced == expected;
        } catch (DataFormatException e) {
            return false;
        }
    }
}
