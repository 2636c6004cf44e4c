package io.trailwatch.filter;

import static io.trailwatch.filter.FilterAssertions.compile;
import static io.trailwatch.filter.FilterAssertions.event;
import static io.trailwatch.filter.FilterAssertions.matches;
import static org.assertj.core.api.Assertions.assertThat;

import io.trailwatch.cloudtrail.CloudTrailRecord;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The matching rules stated in {@link FilterPattern}'s Javadoc, one at a time. */
class FilterSemanticsTest {

    static final String EVENT =
            """
            {
              "eventName": "ConsoleLogin",
              "errorCode": "Client.UnauthorizedOperation",
              "errorMessage": "Failed authentication",
              "recipientAccountId": "012345678901",
              "empty": "",
              "code": "400",
              "status": 404,
              "ratio": 0.25,
              "big": 12345678901234567890,
              "negative": -7,
              "flag": true,
              "off": false,
              "nothing": null,
              "userIdentity": {"type": "IAMUser", "userName": "alice"},
              "resources": [
                {"ARN": "arn:aws:s3:::bucket-one", "type": "AWS::S3::Bucket"},
                {"ARN": "arn:aws:s3:::bucket-two", "type": "AWS::S3::Bucket", "size": 10}
              ],
              "tags": ["prod", "pci"],
              "grid": [[0, 1], [2, 3]],
              "emptyList": [],
              "emptyObject": {}
            }
            """;

    static boolean onEvent(String pattern) {
        return matches(pattern, EVENT);
    }

    @Nested
    class Strings {

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "{ $.eventName = ConsoleLogin }",
                    "{ $.eventName = \"ConsoleLogin\" }",
                    "{ $.eventName = Console* }",
                    "{ $.eventName = *Login }",
                    "{ $.eventName = Con*Lo*in }",
                    "{ $.eventName = \"C*n*o*e*L*g*n\" }",
                    "{ $.eventName = \"*\" }",
                    "{ $.eventName = * }",
                    "{ $.eventName = \"ConsoleLogin*\" }",
                    "{ $.errorCode = \"*UnauthorizedOperation\" }",
                    "{ $.errorMessage = \"Failed authentication\" }",
                    "{ $.errorMessage = \"Failed * authentication\" || $.errorMessage = Failed* }",
                    "{ $.empty = \"\" }",
                    "{ $.empty = \"*\" }",
                    "{ $.eventName != AssumeRole }",
                    "{ $.eventName != Assume* }",
                    "{ $.userIdentity.userName = alice }",
                    "{ $.resources[1].ARN = \"arn:aws:s3:::bucket-two\" }",
                    "{ $.tags[1] = pci }",
                })
        void match(String pattern) {
            assertThat(onEvent(pattern)).as(pattern).isTrue();
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "{ $.eventName = consolelogin }",
                    "{ $.eventName = CONSOLELOGIN }",
                    "{ $.eventName = Console }",
                    "{ $.eventName = Login* }",
                    "{ $.eventName = *Console }",
                    "{ $.eventName = Con*Lo*x }",
                    "{ $.eventName = ConsoleLogin* && $.eventName = *ConsoleLoginX }",
                    "{ $.eventName != ConsoleLogin }",
                    "{ $.eventName != *Login }",
                    "{ $.empty = * && $.empty != \"\" }",
                    "{ $.errorMessage = \"failed authentication\" }",
                    "{ $.resources[2].ARN = * }",
                    "{ $.tags[2] = * }",
                })
        void noMatch(String pattern) {
            assertThat(onEvent(pattern)).as(pattern).isFalse();
        }

        @Test
        void anEscapedAsteriskIsLiteral() {
            String literal = "{\"name\": \"Ev*ent\"}";
            assertThat(matches("{ $.name = \"Ev\\*ent\" }", literal)).isTrue();
            assertThat(matches("{ $.name = \"Ev\\*ent\" }", "{\"name\": \"Event\"}")).isFalse();
            assertThat(matches("{ $.name = \"Ev*ent\" }", "{\"name\": \"Event\"}")).isTrue();
        }

        @Test
        void quotedStringsKeepEscapedQuotesAndBackslashes() {
            String event = "{\"path\": \"C:\\\\logs\\\\a \\\"b\\\"\"}"; // C:\logs\a "b"
            assertThat(matches("{ $.path = \"C:\\\\logs\\\\a \\\"b\\\"\" }", event)).isTrue();
        }

        @Test
        void wildcardsDoNotOverlapTheirLiteralParts() {
            assertThat(matches("{ $.v = ab*ba }", "{\"v\": \"aba\"}")).isFalse();
            assertThat(matches("{ $.v = ab*ba }", "{\"v\": \"abba\"}")).isTrue();
            assertThat(matches("{ $.v = *aa*aa* }", "{\"v\": \"aaa\"}")).isFalse();
            assertThat(matches("{ $.v = *aa*aa* }", "{\"v\": \"xaaaax\"}")).isTrue();
        }

        @Test
        void whitespaceBetweenTokensIsIgnored() {
            String compact =
                    "{($.eventName=ConsoleLogin)&&($.errorMessage=\"Failed authentication\")}";
            String spread =
                    "  {\n\t ( $.eventName   =   ConsoleLogin )\n  &&\r\n ( $.errorMessage != x ) }  ";
            assertThat(onEvent(compact)).isTrue();
            assertThat(onEvent(spread)).isTrue();
        }
    }

    @Nested
    class Numbers {

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "{ $.status = 404 }",
                    "{ $.status = 404.0 }",
                    "{ $.status = 4.04e2 }",
                    "{ $.status = 4.04E+2 }",
                    "{ $.status = +404 }",
                    "{ $.status != 500 }",
                    "{ $.status > 403 && $.status < 405 }",
                    "{ $.status >= 404 && $.status <= 404 }",
                    "{ $.ratio = 0.25 }",
                    "{ $.ratio = 25e-2 }",
                    "{ $.ratio < 1 && $.ratio > 0 }",
                    "{ $.negative = -7 }",
                    "{ $.negative < -6.5 }",
                    "{ $.negative > -7.5e0 }",
                    "{ $.big > 12345678901234500000 }",
                    "{ $.resources[1].size >= 10 }",
                    "{ $.grid[1][0] = 2 }",
                    "{ $.grid[0][1] < 2 }",
                })
        void match(String pattern) {
            assertThat(onEvent(pattern)).as(pattern).isTrue();
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "{ $.status = 405 }",
                    "{ $.status != 404 }",
                    "{ $.status > 404 }",
                    "{ $.status < 404 }",
                    "{ $.ratio > 0.25 }",
                    "{ $.negative > 0 }",
                    "{ $.resources[0].size >= 0 }",
                    "{ $.missing < 1 }",
                    "{ $.missing != 1 }",
                })
        void noMatch(String pattern) {
            assertThat(onEvent(pattern)).as(pattern).isFalse();
        }

        @Test
        void integersCompareExactly() {
            String event = "{\"id\": 900719925474099301}"; // beyond double precision
            assertThat(matches("{ $.id = 900719925474099301 }", event)).isTrue();
            assertThat(matches("{ $.id = 900719925474099300 }", event)).isFalse();
            assertThat(matches("{ $.id > 900719925474099300 }", event)).isTrue();
        }

        @Test
        void negativeZeroEqualsZero() {
            assertThat(matches("{ $.n = 0 }", "{\"n\": -0.0}")).isTrue();
            assertThat(matches("{ $.n >= 0 }", "{\"n\": -0}")).isTrue();
        }
    }

    /** How AWS's documented examples compare strings and numbers; see the FilterPattern Javadoc. */
    @Nested
    class NumbersAndStrings {

        @CsvSource(
                delimiterString = " ==> ",
                value = {
                    // a bare number against a string: equal only as the same text
                    "{ $.recipientAccountId = 012345678901 } ==> true",
                    "{ $.recipientAccountId = 12345678901 } ==> false",
                    "{ $.recipientAccountId != 12345678901 } ==> true",
                    "{ $.code = 400 } ==> true",
                    "{ $.code = 400.0 } ==> false",
                    "{ $.code != 400 } ==> false",
                    // relational operators never match strings
                    "{ $.code > 399 } ==> false",
                    "{ $.code <= 400 } ==> false",
                    // a quoted number against a number: equal as the same text
                    "{ $.status = \"404\" } ==> true",
                    "{ $.status = \"404.0\" } ==> false",
                    "{ $.status = \"40*\" } ==> true",
                    "{ $.status = 40* } ==> true",
                    "{ $.status = * } ==> true",
                    "{ $.ratio = \"0.25\" } ==> true",
                    "{ $.status = %^4\\d4$% } ==> true",
                })
        @ParameterizedTest
        void compare(String pattern, boolean expected) {
            assertThat(onEvent(pattern)).as(pattern).isEqualTo(expected);
        }
    }

    @Nested
    class AbsentObjectsArraysAndLiterals {

        @ParameterizedTest
        @ValueSource(
                strings = {
                    // absent: no comparison holds, != included
                    "{ $.missing = x }",
                    "{ $.missing != x }",
                    "{ $.missing = * }",
                    "{ $.missing != * }",
                    "{ $.missing = %.% }",
                    "{ $.missing != %x% }",
                    "{ $.missing IS NULL }",
                    "{ $.missing IS TRUE }",
                    "{ $.missing IS FALSE }",
                    "{ $.userIdentity.type.deeper = x }",
                    "{ $.userIdentity.type.deeper != x }",
                    // objects and arrays never match a comparison or IS
                    "{ $.userIdentity = x }",
                    "{ $.userIdentity != x }",
                    "{ $.userIdentity = * }",
                    "{ $.userIdentity IS NULL }",
                    "{ $.resources = x }",
                    "{ $.resources != x }",
                    "{ $.resources != 1 }",
                    "{ $.tags = * }",
                    "{ $.grid[0] = 0 }",
                    "{ $.emptyList != x }",
                    "{ $.emptyObject IS NULL }",
                    // present things exist
                    "{ $.userIdentity NOT EXISTS }",
                    "{ $.resources NOT EXISTS }",
                    "{ $.emptyList NOT EXISTS }",
                    "{ $.emptyObject NOT EXISTS }",
                    "{ $.nothing NOT EXISTS }",
                    "{ $.empty NOT EXISTS }",
                    "{ $.tags[0] NOT EXISTS }",
                    // booleans and null are no strings
                    "{ $.flag = true }",
                    "{ $.flag != false }",
                    "{ $.flag = * }",
                    "{ $.nothing = null }",
                    "{ $.nothing != x }",
                    "{ $.nothing = * }",
                    "{ $.flag IS FALSE }",
                    "{ $.off IS TRUE }",
                    "{ $.flag IS NULL }",
                    "{ $.empty IS NULL }",
                    "{ $.code IS TRUE }",
                })
        void noMatch(String pattern) {
            assertThat(onEvent(pattern)).as(pattern).isFalse();
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "{ $.missing NOT EXISTS }",
                    "{ $.userIdentity.missing NOT EXISTS }",
                    "{ $.userIdentity.type.deeper NOT EXISTS }",
                    "{ $.tags[2] NOT EXISTS }",
                    "{ $.emptyList[0] NOT EXISTS }",
                    "{ $.nothing IS NULL }",
                    "{ $.flag IS TRUE }",
                    "{ $.off IS FALSE }",
                    "{ $.flag is true }",
                    "{ $.missing not exists }",
                })
        void match(String pattern) {
            assertThat(onEvent(pattern)).as(pattern).isTrue();
        }

        @Test
        void stringsThatSpellLiteralsAreStrings() {
            String event = "{\"a\": \"null\", \"b\": \"true\"}";
            assertThat(matches("{ $.a IS NULL }", event)).isFalse();
            assertThat(matches("{ $.b IS TRUE }", event)).isFalse();
            assertThat(matches("{ $.a = null && $.b = true }", event)).isTrue();
        }
    }

    @Nested
    class Precedence {

        @CsvSource(
                delimiterString = " ==> ",
                value = {
                    "{ $.eventName = ConsoleLogin || $.eventName = x && $.eventName = y } ==> true",
                    "{ ($.eventName = ConsoleLogin || $.eventName = x) && $.eventName = y } ==> false",
                    "{ $.eventName = x && $.eventName = y || $.eventName = ConsoleLogin } ==> true",
                    "{ $.eventName = x && ($.eventName = y || $.eventName = ConsoleLogin) } ==> false",
                    "{ ((($.eventName = ConsoleLogin))) } ==> true",
                    "{ ($.a = 1 || ($.eventName = ConsoleLogin && ($.status = 404))) } ==> true",
                })
        @ParameterizedTest
        void andBindsTighterThanOr(String pattern, boolean expected) {
            assertThat(onEvent(pattern)).as(pattern).isEqualTo(expected);
        }
    }

    @Nested
    class RegularExpressions {

        @CsvSource(
                delimiterString = " ==> ",
                value = {
                    // a search, not a full match
                    "{ $.eventName = %Login% } ==> true",
                    "{ $.eventName = %sole% } ==> true",
                    "{ $.eventName = %^Console% } ==> true",
                    "{ $.eventName = %^Login% } ==> false",
                    "{ $.eventName = %^ConsoleLogin$% } ==> true",
                    "{ $.eventName = %Console$% } ==> false",
                    "{ $.eventName = %login% } ==> false",
                    "{ $.eventName = %[Ll]ogin% } ==> true",
                    "{ $.eventName != %Login% } ==> false",
                    "{ $.eventName != %Logout% } ==> true",
                    "{ $.errorMessage = %Failed\\sauth% } ==> true",
                    "{ $.errorCode = %\\x2E% } ==> true",
                    "{ $.errorCode = %Client\\.Unauth% } ==> true",
                    "{ $.errorMessage = %^Fai|^Suc% } ==> true",
                    "{ $.recipientAccountId = %^\\d{12}$% } ==> true",
                    "{ $.userIdentity.userName = %a+l?i{1,2}c% } ==> true",
                    "{ $.resources[0].ARN = %arn:aws:s3:::bucket-\\w+% } ==> true",
                    "{ $.tags[*] = %^pc% } ==> true",
                })
        @ParameterizedTest
        void searchTheValue(String pattern, boolean expected) {
            assertThat(onEvent(pattern)).as(pattern).isEqualTo(expected);
        }
    }

    @Nested
    class WildcardSelectors {

        @CsvSource(
                delimiterString = " ==> ",
                value = {
                    "{ $.tags[*] = pci } ==> true",
                    "{ $.tags[*] = dev } ==> false",
                    "{ $.tags[*] != prod } ==> true",
                    "{ $.resources[*].ARN = \"arn:aws:s3:::bucket-two\" } ==> true",
                    "{ $.resources[*].size > 5 } ==> true",
                    "{ $.resources[*].size > 50 } ==> false",
                    "{ $.resources[*].missing NOT EXISTS } ==> true",
                    "{ $.resources[*].size NOT EXISTS } ==> false",
                    "{ $.resources[*] = * } ==> false",
                    "{ $.grid[*][1] = 3 } ==> true",
                    "{ $.grid[*][1] = 4 } ==> false",
                    "{ $.emptyList[*] NOT EXISTS } ==> true",
                    "{ $.emptyList[*] = * } ==> false",
                    "{ $.eventName[*] = * } ==> false",
                    "{ $.missing[*] NOT EXISTS } ==> true",
                    "{ $.* = alice } ==> false",
                    "{ $.* = ConsoleLogin } ==> true",
                    "{ $.* = 404 } ==> true",
                    "{ $.userIdentity.* = alice } ==> true",
                    "{ $.*.userName = alice } ==> true",
                    "{ $.*.ARN = * } ==> false",
                    "{ $.resources.* = * } ==> false",
                })
        @ParameterizedTest
        void anySelectedElementCanSatisfyTheTerm(String pattern, boolean expected) {
            assertThat(onEvent(pattern)).as(pattern).isEqualTo(expected);
        }

        @Test
        void aWildcardStopsAtTheContainersOwnChildren() {
            String event =
                    "{\"a\": {\"b\": {\"c\": \"deep\"}}, \"ab\": {\"c\": \"sibling\"}, \"a.x\": \"dotted\"}";
            assertThat(matches("{ $.a.* = deep }", event)).isFalse();
            assertThat(matches("{ $.a.*.c = deep }", event)).isTrue();
            assertThat(matches("{ $.a.*.c = sibling }", event)).isFalse();
        }
    }

    @Nested
    class Selectors {

        @Test
        void bracketNotationNamesKeysWithOtherCharacters() {
            String event = "{\"cluster.name\": \"c\", \"a\": {\"x-y z\": 1}, \"@type\": \"t\"}";
            assertThat(matches("{ $.['cluster.name'] = c }", event)).isTrue();
            assertThat(matches("{ $['cluster.name'] = c }", event)).isTrue();
            assertThat(matches("{ $.a['x-y z'] = 1 }", event)).isTrue();
            assertThat(matches("{ $.a.[\"x-y z\"] = 1 }", event)).isTrue();
            assertThat(matches("{ $.['@type'] = t }", event)).isTrue();
        }

        @Test
        void propertyNamesMayHoldHyphensAndUnderscores() {
            String event = "{\"x-amz-id\": \"a\", \"snake_case\": {\"key-2\": \"b\"}}";
            assertThat(matches("{ $.x-amz-id = a && $.snake_case.key-2 = b }", event)).isTrue();
        }

        @Test
        void theCompiledFilterListsTheSelectorsItReads() throws FilterSyntaxException {
            CompiledFilter filter =
                    FilterPattern.compile(
                            "{ $.eventName = a || $.resources[0].ARN = b && $.eventName != c"
                                    + " || $.['cluster.name'] NOT EXISTS || $.tags[*] = d || $.* = e }");

            assertThat(filter.selectors())
                    .containsExactly(
                            "$.eventName",
                            "$.resources[0].ARN",
                            "$.['cluster.name']",
                            "$.tags[*]",
                            "$.*");
            assertThat(filter.selectorPaths())
                    .containsExactly(
                            "eventName", "resources[0].ARN", "cluster.name", "tags[*]", "*");
            assertThat(FilterPattern.selectors("{ $.a.b = 1 }")).containsExactly("$.a.b");
        }

        @Test
        void flatPathConvertsASelectorToTheRecordsPath() throws FilterSyntaxException {
            assertThat(FilterPattern.flatPath("$.recipientAccountId"))
                    .isEqualTo("recipientAccountId");
            assertThat(FilterPattern.flatPath("$.a.b[0].c")).isEqualTo("a.b[0].c");
            assertThat(FilterPattern.flatPath(" $.userIdentity.sessionContext.sessionIssuer.arn "))
                    .isEqualTo("userIdentity.sessionContext.sessionIssuer.arn");
            assertThat(FilterPattern.flatPath("$.['cluster.name']")).isEqualTo("cluster.name");
            CloudTrailRecord record = event(EVENT);
            assertThat(record.get(FilterPattern.flatPath("$.resources[1].ARN")))
                    .isEqualTo("arn:aws:s3:::bucket-two");
        }
    }

    @Nested
    class CompiledFilters {

        @Test
        void surviveJavaSerializationWithTheirBehaviour() throws Exception {
            CompiledFilter original =
                    compile(
                            "{ ($.eventName = %Login$% && $.tags[*] = pci) || $.status > 500"
                                    + " || $.missing NOT EXISTS && $.nothing IS NULL && $.eventName = C*n }");
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
                out.writeObject(original);
            }
            CompiledFilter copy;
            try (ObjectInputStream in =
                    new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
                copy = (CompiledFilter) in.readObject();
            }

            assertThat(copy).isEqualTo(original);
            assertThat(copy.text()).isEqualTo(original.text());
            assertThat(copy.selectors()).isEqualTo(original.selectors());
            assertThat(copy.matches(event(EVENT))).isTrue();
            assertThat(copy.matches(event("{\"eventName\": \"Logout\", \"missing\": 1}")))
                    .isFalse();
        }

        @Test
        void matchingDoesNotAllocate() {
            com.sun.management.ThreadMXBean threads =
                    (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            CompiledFilter filter =
                    compile(
                            CisFilters.UNAUTHORIZED_API_CALLS.replace(" }", "")
                                    + " || $.tags[*] = %^pc% || $.resources[*].ARN = *two"
                                    + " || $.status >= 500 || $.* = nope }");
            CloudTrailRecord record = event(EVENT);
            boolean expected = filter.matches(record); // warms up the record's lookup table
            for (int i = 0; i < 20_000; i++) {
                filter.matches(record);
            }

            long thread = Thread.currentThread().getId();
            long before = threads.getThreadAllocatedBytes(thread);
            boolean all = true;
            for (int i = 0; i < 10_000; i++) {
                all &= filter.matches(record) == expected;
            }
            long allocated = threads.getThreadAllocatedBytes(thread) - before;

            assertThat(all).isTrue();
            assertThat(allocated).as("bytes allocated by 10,000 matches").isLessThan(10_000);
        }
    }
}
