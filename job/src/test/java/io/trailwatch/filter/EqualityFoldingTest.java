package io.trailwatch.filter;

import static io.trailwatch.filter.FilterAssertions.compile;
import static io.trailwatch.filter.FilterAssertions.event;
import static org.assertj.core.api.Assertions.assertThat;

import io.trailwatch.cloudtrail.CloudTrailRecord;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import org.junit.jupiter.api.Test;

/**
 * An {@code ||} of equalities on one field is folded into one set lookup, with the same meaning.
 */
class EqualityFoldingTest {

    private static final String NETWORK_GATEWAY_CHANGES =
            "{ ($.eventName = CreateCustomerGateway) || ($.eventName = DeleteCustomerGateway)"
                    + " || ($.eventName = AttachInternetGateway) || ($.errorCode = \"Denied\")"
                    + " || ($.eventName = \"Delete*\") || ($.eventName != \"Other\")"
                    + " || ($.eventName = 400) }";

    @Test
    void anyListedNameMatchesAndOthersDoNot() {
        CompiledFilter filter =
                compile("{ ($.eventName = CreateVpc) || ($.eventName = DeleteVpc) }");

        assertThat(filter.matches(named("CreateVpc"))).isTrue();
        assertThat(filter.matches(named("DeleteVpc"))).isTrue();
        assertThat(filter.matches(named("ModifyVpcAttribute"))).isFalse();
        assertThat(filter.matches(named("createvpc"))).isFalse();
    }

    @Test
    void foldedTermsKeepTheOtherPartsOfTheOr() {
        CompiledFilter filter = compile(NETWORK_GATEWAY_CHANGES);

        assertThat(filter.matches(named("AttachInternetGateway"))).isTrue();
        assertThat(filter.matches(event("{\"eventName\":\"Other\",\"errorCode\":\"Denied\"}")))
                .isTrue();
        assertThat(filter.matches(named("DeleteVpc"))).as("wildcard part").isTrue();
        assertThat(filter.matches(named("Other"))).isFalse();
        assertThat(filter.matches(event("{\"eventName\":400}"))).as("number part").isTrue();
        assertThat(filter.matches(event("{\"eventName\":\"Other\",\"x\":1}"))).isFalse();
    }

    @Test
    void comparesOnlyStringsAndNumbersAsBefore() {
        CompiledFilter filter = compile("{ ($.a = \"true\") || ($.a = \"null\") }");

        assertThat(filter.matches(event("{\"a\":true}"))).isFalse();
        assertThat(filter.matches(event("{\"a\":null}"))).isFalse();
        assertThat(filter.matches(event("{\"a\":\"true\"}"))).isTrue();
        assertThat(filter.matches(event("{\"b\":\"true\"}"))).as("absent").isFalse();
    }

    @Test
    void survivesJavaSerialization() throws Exception {
        CompiledFilter filter =
                compile("{ ($.eventName = CreateVpc) || ($.eventName = DeleteVpc) }");

        CompiledFilter copy = roundTrip(filter);

        assertThat(copy.matches(named("DeleteVpc"))).isTrue();
        assertThat(copy.matches(named("Other"))).isFalse();
    }

    private static CloudTrailRecord named(String eventName) {
        return event("{\"eventName\":\"" + eventName + "\"}");
    }

    private static CompiledFilter roundTrip(CompiledFilter filter)
            throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(filter);
        }
        try (ObjectInputStream in =
                new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (CompiledFilter) in.readObject();
        }
    }
}
