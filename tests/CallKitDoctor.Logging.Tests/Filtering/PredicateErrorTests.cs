using CallKitDoctor.Logging.Filtering.Predicates;
using CsCheck;
using static CallKitDoctor.Logging.Tests.Filtering.PredicateTesting;

namespace CallKitDoctor.Logging.Tests.Filtering;

/// <summary>Malformed predicates fail with the 0-based position of the problem and what was expected there.</summary>
public class PredicateErrorTests
{
    [Theory]
    [InlineData("", 0, "a key name, NOT or '('")]
    [InlineData("   ", 3, "a key name, NOT or '('")]
    [InlineData("subsystem", 9, "a comparison operator")]
    [InlineData("subsystem \"x\"", 10, "a comparison operator")]
    [InlineData("subsystem ==", 12, "a value (a quoted string, a number or a type such as error)")]
    [InlineData("subsystem == \"abc", 17, "a closing \" for the string starting at position 13")]
    [InlineData("subsystem == 'abc", 17, "a closing ' for the string starting at position 13")]
    [InlineData("foo == \"x\"", 0, "a key name")]
    [InlineData("(subsystem == \"a\"", 17, "')'")]
    [InlineData("subsystem == \"a\")", 16, "AND, OR or the end of the predicate")]
    [InlineData("subsystem == \"a\" AND", 20, "a key name, NOT or '('")]
    [InlineData("subsystem ==[x] \"a\"", 13, "a comparison option c, d or cd")]
    [InlineData("subsystem ==[c \"a\"", 14, "a comparison option c, d or cd")]
    [InlineData("subsystem ==[cd", 15, "']' closing the comparison options")]
    [InlineData("processIdentifier == \"abc\"", 21, "a number")]
    [InlineData("messageType == loud", 15, "a message type (default, info, debug, error, fault) or its number")]
    [InlineData("eventType > logEvent", 10, "==, != or IN")]
    [InlineData("processIdentifier CONTAINS 4", 18, "==, !=, <, <=, >, >= or IN")]
    [InlineData("eventType == bogusEvent", 13, "an event type (logEvent, activityCreateEvent, activityTransitionEvent, userActionEvent, traceEvent, signpostEvent, stateEvent, lossEvent, timesyncEvent) or its number")]
    [InlineData("process IN \"a\"", 11, "'{' starting the list of values")]
    [InlineData("process IN {\"a\" \"b\"}", 16, "',' or '}'")]
    [InlineData("process IN {\"a\",", 16, "a value (a quoted string, a number or a type such as error)")]
    [InlineData("process IN {\"a\", 3}", 17, "a quoted string")]
    [InlineData("eventMessage MATCHES \"(\"", 21, "a valid regular expression")]
    [InlineData("subsystem == \"a\" & process == \"b\"", 17, "'&&'")]
    [InlineData("subsystem == \"a\" | process == \"b\"", 17, "'||'")]
    [InlineData("processIdentifier == 0x", 23, "a hexadecimal digit")]
    [InlineData("processIdentifier == 0b2", 23, "a binary digit")]
    [InlineData("processIdentifier == 12abc", 23, "an integer (digits only)")]
    [InlineData("processIdentifier == 1.5", 22, "an integer (digits only)")]
    [InlineData("processIdentifier == 99999999999999999999999", 21, "a number no larger than 18446744073709551615")]
    [InlineData("process == MyApp", 11, "a quoted string")]
    [InlineData("subsystem == \"a\" process == \"b\"", 17, "AND, OR or the end of the predicate")]
    [InlineData("NOT", 3, "a key name, NOT or '('")]
    [InlineData("\"x\" == process", 0, "a key name, NOT or '('")]
    [InlineData("subsystem == \"\\u12\"", 16, "four hexadecimal digits after '\\u'")]
    [InlineData("subsystem == @", 13, "a key, operator, value or parenthesis")]
    [InlineData("() ", 1, "a key name, NOT or '('")]
    [InlineData("subsystem == \"a\" AND OR category == \"b\"", 21, "a key name, NOT or '('")]
    public void ReportsPositionAndExpectation(string predicate, int position, string expected)
    {
        var error = Fail(predicate);
        Assert.Equal(position, error.Position);
        Assert.Equal(expected, error.Expected);
        Assert.Contains($"at position {position}", error.Message);
    }

    [Fact]
    public void MessageNamesTheKeyBeforeTheMissingOperator()
    {
        var error = Fail("subsystem \"com.apple.calls.callkit\"");
        Assert.Equal("expected a comparison operator after 'subsystem' at position 10", error.Message);
        Assert.Equal("subsystem \"com.apple.calls.callkit\"\n          ^", error.Underline("subsystem \"com.apple.calls.callkit\""));
    }

    [Fact]
    public void UnknownKeyListsTheKnownOnes()
    {
        var error = Fail("sybsystem == \"x\"");
        Assert.StartsWith("unknown key 'sybsystem' at position 0", error.Message);
        Assert.Contains("subsystem", error.Message);
    }

    [Fact]
    public void DeepNestingIsRefusedNotOverflowed()
    {
        var deep = new string('(', 5000) + "process == \"a\"" + new string(')', 5000);
        var error = Fail(deep);
        Assert.Equal(PredicateParser.MaxDepth, error.Position);
        Assert.Equal(PredicateParser.MaxDepth, Fail(string.Concat(Enumerable.Repeat("NOT ", 5000)) + "process == \"a\"").Position / 4);

        var fine = new string('(', 100) + "process == \"a\"" + new string(')', 100);
        Assert.Equal("process == \"a\"", Parse(fine).ToString());
    }

    [Fact]
    public void RandomStringsNeverThrow()
    {
        Gen.String.Sample(text =>
        {
            var ok = LogPredicate.TryParse(text, out var predicate, out var error);
            Assert.True(ok ? predicate is not null && error is null : predicate is null && error is not null);
            if (!ok)
            {
                Assert.InRange(error!.Position, 0, text.Length);
            }
        }, iter: 5000);
    }

    [Fact]
    public void RandomTokenSoupNeverThrowsAndParsesBackCanonically()
    {
        string[] words =
        [
            "subsystem", "eventMessage", "processIdentifier", "messageType", "eventType", "bootUUID", "foo",
            "==", "!=", "<", ">=", "=>", "<>", "BEGINSWITH", "CONTAINS[cd]", "LIKE", "MATCHES", "IN", "[c]", "[",
            "AND", "OR", "NOT", "&&", "||", "!", "(", ")", "{", "}", ",",
            "\"a\"", "'b*'", "\"(\"", "\"\\", "42", "0x1F", "-7", "error", "logEvent", "TRUE", "TRUEPREDICATE",
        ];
        var token = Gen.Int[0, words.Length - 1].Select(i => words[i]);
        token.Array[0, 24].Select(tokens => string.Join(" ", tokens)).Sample(text =>
        {
            if (LogPredicate.TryParse(text, out var predicate, out var error))
            {
                var canonical = predicate.ToString();
                Assert.True(LogPredicate.TryParse(canonical, out var again, out _), canonical);
                Assert.Equal(canonical, again.ToString());
                _ = predicate.Matches(SampleEntries.CallKitError());
                _ = predicate.PreCheck(SampleEntries.CallKitError());
            }
            else
            {
                Assert.InRange(error.Position, 0, text.Length);
            }
        }, iter: 5000);
    }
}
