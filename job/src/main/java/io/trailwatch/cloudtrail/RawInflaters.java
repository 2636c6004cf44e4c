package io.trailwatch.cloudtrail;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.Deflater;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Picks the fastest {@link RawInflater} that works here, once per class loader: ISA-L if its native
 * library loads and passes a self-test, else the JDK's zlib. The system property {@value
 * #NATIVE_PROPERTY}{@code =false} forces the JDK.
 */
final class RawInflaters {

    static final String NATIVE_PROPERTY = "trailwatch.gzip.native";

    private static final Logger LOG = LoggerFactory.getLogger(RawInflaters.class);

    private RawInflaters() {}

    static RawInflater fastest() {
        return Fastest.INFLATER;
    }

    /**
     * Round-trips a small CloudTrail-like text and checks that damaged and cut data are refused.
     *
     * @throws IllegalStateException if {@code inflater} gets any of it wrong
     */
    static void selfTest(RawInflater inflater) {
        byte[] text =
                "{\"Records\":[{\"eventVersion\":\"1.08\",\"eventName\":\"GetObject\"}]}"
                        .repeat(50)
                        .getBytes(StandardCharsets.UTF_8);
        byte[] deflated = deflate(text);
        byte[] out = new byte[text.length + 1];
        boolean intact = inflater.inflateExactly(deflated, 0, deflated.length, out, text.length);
        if (!intact || !Arrays.equals(text, 0, text.length, out, 0, text.length)) {
            throw new IllegalStateException(inflater.name() + " does not round-trip deflate data");
        }
        if (inflater.inflateExactly(deflated, 0, deflated.length / 2, out, text.length)) {
            throw new IllegalStateException(inflater.name() + " accepts cut deflate data");
        }
        byte[] damaged = deflated.clone();
        damaged[0] = (byte) 0xff; // block type 3: reserved, always invalid
        if (inflater.inflateExactly(damaged, 0, damaged.length, out, text.length)) {
            throw new IllegalStateException(inflater.name() + " accepts corrupt deflate data");
        }
    }

    private static byte[] deflate(byte[] text) {
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        try {
            deflater.setInput(text);
            deflater.finish();
            byte[] buffer = new byte[text.length + 64];
            int length = deflater.deflate(buffer);
            return Arrays.copyOf(buffer, length);
        } finally {
            deflater.end();
        }
    }

    /** Loads a native inflater, or fails with why it cannot here. */
    @FunctionalInterface
    interface NativeLoader {
        RawInflater load() throws Throwable;
    }

    /**
     * ISA-L unless {@code nativeSetting} (the value of {@value #NATIVE_PROPERTY}) is {@code false}
     * or the native inflater does not load; then the JDK's zlib, which works everywhere.
     */
    static RawInflater choose(String nativeSetting, NativeLoader nativeLoader) {
        if (!Boolean.parseBoolean(nativeSetting == null ? "true" : nativeSetting)) {
            LOG.info("gzip: JDK zlib ({}=false)", NATIVE_PROPERTY);
            return new JdkRawInflater();
        }
        try {
            RawInflater isal = nativeLoader.load();
            LOG.info("gzip: {} for whole files", isal.name());
            return isal;
        } catch (Throwable e) {
            LOG.info("gzip: JDK zlib; the ISA-L library did not load here ({})", e.toString());
            return new JdkRawInflater();
        }
    }

    /** Chosen on first use, so that only readers of gzip files ever load the native library. */
    private static final class Fastest {
        static final RawInflater INFLATER =
                choose(System.getProperty(NATIVE_PROPERTY), IsalRawInflater::load);
    }
}
