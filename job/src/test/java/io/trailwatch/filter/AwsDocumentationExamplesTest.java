package io.trailwatch.filter;

import static io.trailwatch.filter.FilterAssertions.matches;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every JSON example of the CloudWatch Logs page "Filter pattern syntax for metric filters,
 * subscription filters, filter log events, and Live Tail" (section "Using filter patterns to match
 * terms in JSON log events"), and of its earlier edition "Filter and Pattern Syntax", against the
 * page's sample events: each documented match, plus a near-miss event that must not match.
 */
class AwsDocumentationExamplesTest {

    /** The page's first sample event (current edition). */
    static final String LOG_EVENT =
            """
            {
                  "eventType": "UpdateTrail",
                  "sourceIPAddress": "111.111.111.111",
                  "arrayKey": [
                        "value",
                        "another value"
                  ],
                  "objectList": [
                       {
                         "name": "a",
                         "id": 1
                       },
                       {
                         "name": "b",
                         "id": 2
                       }
                  ],
                  "SomeObject": null,
                  "cluster.name": "c"
            }
            """;

    /** The same event in the earlier edition, which had a boolean instead of the dotted key. */
    static final String LOG_EVENT_EARLIER_EDITION =
            """
            {
              "eventType": "UpdateTrail",
              "sourceIPAddress": "111.111.111.111",
              "arrayKey": ["value", "another value"],
              "objectList": [{"name": "a", "id": 1}, {"name": "b", "id": 2}],
              "SomeObject": null,
              "ThisFlag": true
            }
            """;

    /** The same shape with every documented match broken. */
    static final String NEAR_MISS_EVENT =
            """
            {
              "eventType": "CreateBucket",
              "sourceIPAddress": "123.123.4.5",
              "arrayKey": ["other", "another other"],
              "objectList": [{"name": "a", "id": 1}, {"name": "b", "id": 3}],
              "SomeObject": {"now": "an object"},
              "SomeOtherObject": "present",
              "ThisFlag": false,
              "cluster.name": "d"
            }
            """;

    /** The compound-expression sample event. */
    static final String USERS_EVENT =
            """
            {
                "user": {
                    "id": 1,
                    "email": "John.Stiles@example.com"
                },
                "users": [
                    {
                     "id": 2,
                     "email": "John.Doe@example.com"
                    },
                    {
                     "id": 3,
                     "email": "Jane.Doe@example.com"
                    }
                ],
                "actions": [
                    "GET",
                    "PUT",
                    "DELETE"
                ],
                "coordinates": [
                    [0, 1, 2],
                    [4, 5, 6],
                    [7, 8, 9]
                ]
            }
            """;

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{ $.eventType = \"UpdateTrail\" }",
                "{ $.sourceIPAddress != 123.123.* }",
                "{ $.arrayKey[0] = \"value\" }",
                "{ $.eventType = %Trail% }",
                "{ $.arrayKey[*] = %val.{2}% }",
                "{ $.* = %111\\.111\\.111\\.1[0-9]{1,2}% }",
                "{ $.['cluster.name'] = \"c\" }",
                "{ $.SomeObject IS NULL }",
                "{ $.SomeOtherObject NOT EXISTS }",
                "{ $.objectList[1].id = 2 }",
            })
    void currentEditionExamplesMatchTheSampleEventAndNotTheNearMiss(String pattern) {
        assertThat(matches(pattern, LOG_EVENT)).as(pattern).isTrue();
        assertThat(matches(pattern, NEAR_MISS_EVENT)).as(pattern).isFalse();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{ $.eventType = \"UpdateTrail\" }",
                "{ $.sourceIPAddress != 123.123.* }",
                "{ $.arrayKey[0] = \"value\" }",
                "{ $.objectList[1].id = 2 }",
                "{ $.SomeObject IS NULL }",
                "{ $.SomeOtherObject NOT EXISTS }",
                "{ $.ThisFlag IS TRUE }",
            })
    void earlierEditionExamplesMatchTheSampleEventAndNotTheNearMiss(String pattern) {
        assertThat(matches(pattern, LOG_EVENT_EARLIER_EDITION)).as(pattern).isTrue();
        assertThat(matches(pattern, NEAR_MISS_EVENT)).as(pattern).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{ $.ThisFlag IS FALSE }"})
    void isFalseIsTheCounterpartOfIsTrue(String pattern) {
        assertThat(matches(pattern, NEAR_MISS_EVENT)).isTrue();
        assertThat(matches(pattern, LOG_EVENT_EARLIER_EDITION)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{ ($.user.id = 1) && ($.users[0].email = \"John.Doe@example.com\") }",
                "{ $.user.email = \"John.Stiles@example.com\" || $.coordinates[0][1] = \"nonmatch\""
                        + " && $.actions[2] = \"nonmatch\" }",
                // the earlier edition wrote the same expression with bare words
                "{ $.user.email = \"John.Stiles@example.com\" || $.coordinates[0][1] = nonmatch"
                        + " && $.actions[2] = nomatch }",
            })
    void compoundExpressionsThatMatch(String pattern) {
        assertThat(matches(pattern, USERS_EVENT)).as(pattern).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{ ($.user.email = \"John.Stiles@example.com\" || $.coordinates[0][1] = \"nonmatch\")"
                        + " && $.actions[2] = \"nonmatch\" }",
                "{ ($.user.id = 2 && $.users[0].email = \"nonmatch\") || $.actions[2] = \"GET\" }",
                "{ ($.user.email = \"John.Stiles@example.com\" || $.coordinates[0][1] = nonmatch)"
                        + " && $.actions[2] = nomatch }",
            })
    void compoundExpressionsThatDoNotMatch(String pattern) {
        assertThat(matches(pattern, USERS_EVENT)).as(pattern).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{$.users = 1}", "{$.users != 1}"})
    void aSelectorPointingAtAnArrayFailsBothEqualAndNotEqual(String pattern) {
        assertThat(matches(pattern, "{\"users\": [1, 2, 3]}")).isFalse();
    }

    @Test
    void orPatternMatchingInJsonFilters() {
        String bar = "{\"foo\": \"bar\"}";
        String baz = "{\"foo\": \"baz\"}";
        assertThat(matches("{$.foo = bar}", bar)).isTrue();
        assertThat(matches("{$.foo = bar}", baz)).isFalse();
        assertThat(matches("{$.foo = baz }", baz)).isTrue();
        assertThat(matches("{$.foo = baz }", bar)).isFalse();
        assertThat(matches("{$.foo = bar || $.foo = baz }", bar)).isTrue();
        assertThat(matches("{$.foo = bar || $.foo = baz }", baz)).isTrue();
        assertThat(matches("{$.foo = bar || $.foo = baz }", "{\"foo\": \"qux\"}")).isFalse();
    }

    @Test
    void latencyWildcardFromThePublishNumericValuesExample() {
        assertThat(matches("{ $.latency = * }", "{\"latency\": 50, \"requestType\": \"GET\"}"))
                .isTrue();
        assertThat(matches("{ $.latency = * }", "{\"requestType\": \"GET\"}")).isFalse();
    }

    /** The numeric examples, each with a value on either side of the documented bound. */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "{ $.bandwidth > 75 }|{\"bandwidth\": 76}|{\"bandwidth\": 75}",
                "{ $.latency < 50 }|{\"latency\": 49.9}|{\"latency\": 50}",
                "{ $.refreshRate >= 60 }|{\"refreshRate\": 60}|{\"refreshRate\": 59}",
                "{ $.responseTime <= 5 }|{\"responseTime\": 5}|{\"responseTime\": 5.01}",
                "{ $.errorCode = 400}|{\"errorCode\": 400}|{\"errorCode\": 401}",
                "{ $.errorCode != 500 }|{\"errorCode\": 404}|{\"errorCode\": 500}",
                "{ $.number[0] = 1e+3 }|{\"number\": [1000]}|{\"number\": [100]}",
                "{ $.number[0] != 1e-3 }|{\"number\": [0.01]}|{\"number\": [0.001]}",
                "{ $.latency >= 500 }|{\"latency\": 500}|{\"latency\": 499}",
                "{ $.numbers[0] < 10e3 }|{\"numbers\": [9999]}|{\"numbers\": [10000]}",
                "{ $.numbers[0] < 10e-3 }|{\"numbers\": [0.009]}|{\"numbers\": [0.01]}",
                "{ $.processes[4].averageRuntime <= 55.5 }"
                        + "|{\"processes\": [{}, {}, {}, {}, {\"averageRuntime\": 55.5}]}"
                        + "|{\"processes\": [{}, {}, {}, {}, {\"averageRuntime\": 55.6}]}",
                "{ $.latency > +1000 }|{\"latency\": 1001}|{\"latency\": 1000}",
            })
    void numericExamples(String example) {
        String[] parts = example.split("\\|");
        assertThat(matches(parts[0], parts[1])).as(parts[0] + " on " + parts[1]).isTrue();
        assertThat(matches(parts[0], parts[2])).as(parts[0] + " on " + parts[2]).isFalse();
    }
}
