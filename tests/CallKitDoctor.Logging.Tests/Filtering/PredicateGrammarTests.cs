using CallKitDoctor.Logging.Entries;
using CallKitDoctor.Logging.Filtering.Predicates;
using static CallKitDoctor.Logging.Tests.Filtering.PredicateTesting;

namespace CallKitDoctor.Logging.Tests.Filtering;

/// <summary>Precedence, NOT, parentheses, keyword spellings, constants, quoting and escapes.</summary>
public class PredicateGrammarTests
{
    [Theory]
    [InlineData("process == \"a\" OR process == \"b\" AND process == \"c\"", "(process == \"a\" OR (process == \"b\" AND process == \"c\"))")]
    [InlineData("process == \"a\" AND process == \"b\" OR process == \"c\"", "((process == \"a\" AND process == \"b\") OR process == \"c\")")]
    [InlineData("(process == \"a\" OR process == \"b\") AND process == \"c\"", "((process == \"a\" OR process == \"b\") AND process == \"c\")")]
    [InlineData("NOT process == \"a\" AND process == \"b\"", "(NOT process == \"a\" AND process == \"b\")")]
    [InlineData("NOT (process == \"a\" AND process == \"b\")", "NOT (process == \"a\" AND process == \"b\")")]
    [InlineData("! process == \"a\" || process == \"b\" && process == \"c\"", "(NOT process == \"a\" OR (process == \"b\" AND process == \"c\"))")]
    [InlineData("a == 1", null)]
    [InlineData("process == \"a\" and process == \"b\" or not process == \"c\"", "((process == \"a\" AND process == \"b\") OR NOT process == \"c\")")]
    [InlineData("NOT NOT process == \"a\"", "NOT NOT process == \"a\"")]
    [InlineData("((((process == \"a\"))))", "process == \"a\"")]
    [InlineData("Subsystem beginsWith[CD] 'x'", "subsystem BEGINSWITH[cd] \"x\"")]
    [InlineData("composedMessage contains \"x\"", "eventMessage CONTAINS \"x\"")]
    [InlineData("logType >= error", "messageType >= error")]
    [InlineData("processIdentifier =< 0x10", "processIdentifier <= 16")]
    [InlineData("processIdentifier => 0b11", "processIdentifier >= 3")]
    [InlineData("process IN {'a', \"b\"}", "process IN {\"a\", \"b\"}")]
    [InlineData("TRUEPREDICATE AND NOT FALSEPREDICATE", "(TRUEPREDICATE AND NOT FALSEPREDICATE)")]
    public void GroupsByPrecedence(string predicate, string? canonical)
    {
        if (canonical is null)
        {
            Assert.False(LogPredicate.TryParse(predicate, out _, out _));
            return;
        }

        Assert.Equal(canonical, Parse(predicate).ToString());
        Assert.Equal(canonical, Parse(canonical).ToString());
    }

    [Theory]
    // a OR b AND c: a true → true whatever b, c
    [InlineData(true, false, false, true)]
    [InlineData(false, true, false, false)]
    [InlineData(false, true, true, true)]
    [InlineData(false, false, true, false)]
    public void OrBindsLooserThanAnd(bool a, bool b, bool c, bool expected)
    {
        var entry = new LogEntry("x") { Subsystem = a ? "a" : "-", Category = b ? "b" : "-", ProcessId = c ? 3 : 0 };
        Assert.Equal(expected, Eval("subsystem == \"a\" OR category == \"b\" AND processIdentifier == 3", entry));
        Assert.Equal((a || b) && c, Eval("(subsystem == \"a\" OR category == \"b\") AND processIdentifier == 3", entry));
        Assert.Equal(!a && b, Eval("NOT subsystem == \"a\" AND category == \"b\"", entry));
        Assert.Equal(!(a && b), Eval("NOT (subsystem == \"a\" AND category == \"b\")", entry));
    }

    [Theory]
    [InlineData("eventMessage == \"say \\\"hi\\\"\"", "say \"hi\"")]
    [InlineData("eventMessage == 'it\\'s'", "it's")]
    [InlineData("eventMessage == 'say \"hi\"'", "say \"hi\"")]
    [InlineData("eventMessage == \"tab\\there\"", "tab\there")]
    [InlineData("eventMessage == \"line\\nnext\"", "line\nnext")]
    [InlineData("eventMessage == \"back\\\\slash\"", "back\\slash")]
    [InlineData("eventMessage == \"\\u00e9t\\u00E9\"", "été")]
    [InlineData("eventMessage == \"\"", "")]
    [InlineData("eventMessage MATCHES \"code \\d+\"", "code 561017449")]
    public void StringsDecodeEscapes(string predicate, string message) =>
        Assert.True(Eval(predicate, new LogEntry(message)));

    [Theory]
    [InlineData("eventMessage LIKE \"*\"", "", true)]
    [InlineData("eventMessage LIKE \"\"", "", true)]
    [InlineData("eventMessage LIKE \"a*b*c\"", "aXXbYYc", true)]
    [InlineData("eventMessage LIKE \"a*b*c\"", "aXXbYY", false)]
    [InlineData("eventMessage LIKE \"a?c\"", "abc", true)]
    [InlineData("eventMessage LIKE \"a?c\"", "ac", false)]
    [InlineData("eventMessage LIKE \"*.swift\"", "CallsController.swift", true)]
    [InlineData("eventMessage LIKE \"a\\\\*\"", "a*", true)]
    [InlineData("eventMessage LIKE \"a\\\\*\"", "ab", false)]
    [InlineData("eventMessage LIKE \"**a**\"", "bab", true)]
    public void LikeWildcards(string predicate, string message, bool expected) =>
        Assert.Equal(expected, Eval(predicate, new LogEntry(message)));

    [Theory]
    [InlineData("eventMessage MATCHES \"set.*\"", "setActive", true)]
    [InlineData("eventMessage MATCHES \"Active\"", "setActive", false)]
    [InlineData("eventMessage MATCHES \"set|x\"", "setActive", false)]
    [InlineData("eventMessage MATCHES \"set|x\"", "x", true)]
    [InlineData("eventMessage MATCHES[c] \"SETACTIVE\"", "setActive", true)]
    [InlineData("eventMessage MATCHES \"[0-9]{9}\"", "561017449", true)]
    public void MatchesIsAWholeStringRegex(string predicate, string message, bool expected) =>
        Assert.Equal(expected, Eval(predicate, new LogEntry(message)));

    [Fact]
    public void RunawayRegexTimesOutAsNoMatch()
    {
        var predicate = Parse("eventMessage MATCHES \"(a+)+b\"");
        var started = System.Diagnostics.Stopwatch.StartNew();
        Assert.False(predicate.Matches(new LogEntry(new string('a', 5000) + "c")));
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void ConstantsEvaluate()
    {
        var entry = new LogEntry("x");
        Assert.True(Eval("TRUEPREDICATE", entry));
        Assert.False(Eval("FALSEPREDICATE", entry));
        Assert.True(Eval("FALSEPREDICATE OR TRUEPREDICATE", entry));
    }

    [Fact]
    public void HashEscapesAReservedWordAsAKey()
    {
        Assert.True(Eval("#process == \"p\"", new LogEntry("x") { Process = "p" }));
    }
}
