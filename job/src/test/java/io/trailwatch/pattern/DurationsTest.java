package io.trailwatch.pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {

    @Test
    void readsEveryUnit() {
        assertThat(Durations.parse("30s")).isEqualTo(Duration.ofSeconds(30));
        assertThat(Durations.parse("5m")).isEqualTo(Duration.ofMinutes(5));
        assertThat(Durations.parse("1h")).isEqualTo(Duration.ofHours(1));
        assertThat(Durations.parse("1d")).isEqualTo(Duration.ofDays(1));
    }

    @Test
    void rejectsWhatIsNotAPositiveWholeNumberAndOneUnit() {
        assertThatThrownBy(() -> Durations.parse("5 min")).hasMessageContaining("not a duration");
        assertThatThrownBy(() -> Durations.parse("1.5h")).hasMessageContaining("not a duration");
        assertThatThrownBy(() -> Durations.parse("5M")).hasMessageContaining("not a duration");
        assertThatThrownBy(() -> Durations.parse("1h30m")).hasMessageContaining("not a duration");
        assertThatThrownBy(() -> Durations.parse("-1m")).hasMessageContaining("is negative");
        assertThatThrownBy(() -> Durations.parse("0s")).hasMessageContaining("is zero");
        assertThatThrownBy(() -> Durations.parse("99999999999999999999d"))
                .hasMessageContaining("too long");
    }
}
