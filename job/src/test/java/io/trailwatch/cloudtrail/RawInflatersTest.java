package io.trailwatch.cloudtrail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Which gzip decoder the job uses, and that every one it may use passes the same self-test. */
class RawInflatersTest {

    private static final RawInflaters.NativeLoader MISSING_LIBRARY =
            () -> {
                throw new UnsatisfiedLinkError("no libgkl_compression for this platform");
            };

    @Test
    void withoutTheNativeLibraryTheJdkDecoderIsUsed() {
        RawInflater chosen = RawInflaters.choose(null, MISSING_LIBRARY);

        assertThat(chosen).isInstanceOf(JdkRawInflater.class);
        RawInflaters.selfTest(chosen); // and it works
    }

    @Test
    void turningNativeOffUsesTheJdkDecoderWithoutLoadingTheLibrary() {
        RawInflaters.NativeLoader mustNotLoad =
                () -> {
                    throw new AssertionError("the native library was loaded");
                };

        assertThat(RawInflaters.choose("false", mustNotLoad)).isInstanceOf(JdkRawInflater.class);
    }

    @Test
    void aNativeDecoderThatLoadsIsUsed() {
        RawInflater nativeOne = new JdkRawInflater(); // stands in for ISA-L

        assertThat(RawInflaters.choose("true", () -> nativeOne)).isSameAs(nativeOne);
        assertThat(RawInflaters.choose(null, () -> nativeOne)).isSameAs(nativeOne);
    }

    @Test
    void theSelfTestRefusesADecoderThatAcceptsCutData() {
        RawInflater acceptsAnything =
                new RawInflater() {
                    private final RawInflater real = new JdkRawInflater();

                    @Override
                    public String name() {
                        return "lenient";
                    }

                    @Override
                    public boolean inflateExactly(
                            byte[] in, int offset, int length, byte[] out, int expected) {
                        real.inflateExactly(in, offset, length, out, expected);
                        return true;
                    }
                };

        assertThatThrownBy(() -> RawInflaters.selfTest(acceptsAnything))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("lenient");
    }
}
