package io.trailwatch.pattern;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FieldNamesTest {

    @Test
    void suggestsTheFieldATypoWasMeantToBe() {
        assertThat(FieldNames.closest("treshold", PatternValidator.PATTERN_FIELDS))
                .isEqualTo("threshold");
        assertThat(FieldNames.closest("sevrity", PatternValidator.PATTERN_FIELDS))
                .isEqualTo("severity");
        assertThat(FieldNames.closest("test", PatternValidator.PATTERN_FIELDS)).isEqualTo("tests");
        assertThat(FieldNames.closest("groupby", PatternValidator.THRESHOLD_FIELDS))
                .isEqualTo("groupBy");
        assertThat(FieldNames.closest("withn", PatternValidator.SEQUENCE_FIELDS))
                .isEqualTo("within");
    }

    @Test
    void suggestsNothingForAnUnrelatedName() {
        assertThat(FieldNames.closest("colour", PatternValidator.THRESHOLD_FIELDS)).isNull();
        assertThat(FieldNames.closest("xy", PatternValidator.STEP_FIELDS)).isNull();
    }
}
