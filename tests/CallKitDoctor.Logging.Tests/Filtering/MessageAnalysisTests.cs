using CallKitDoctor.Logging.Entries;
using CallKitDoctor.Logging.Filtering;
using static CallKitDoctor.Logging.Tests.Filtering.PredicateTesting;

namespace CallKitDoctor.Logging.Tests.Filtering;

/// <summary>Whether a predicate needs the formatted message, and how much it decides without it.</summary>
public class MessageAnalysisTests
{
    [Theory]
    [InlineData("subsystem == \"com.apple.calls.callkit\"", false)]
    [InlineData("process == \"callservicesd\" AND messageType >= error", false)]
    [InlineData("formatString CONTAINS \"setActive\"", false)]
    [InlineData("eventMessage CONTAINS \"setActive\"", true)]
    [InlineData("composedMessage LIKE \"*x*\"", true)]
    [InlineData("subsystem == \"a\" OR NOT (eventMessage == \"b\")", true)]
    [InlineData("TRUEPREDICATE", false)]
    public void ReportsWhetherTheMessageIsNeeded(string predicate, bool needsMessage) =>
        Assert.Equal(needsMessage, Parse(predicate).NeedsEventMessage);

    [Fact]
    public void PredicateWithoutMessageKeysNeverFormats()
    {
        var entry = new SampleEntries.Lazy { Subsystem = "com.apple.calls.callkit", Level = LogLevel.Error };
        Assert.True(Parse("subsystem == \"com.apple.calls.callkit\" AND messageType == error").Matches(entry));
        Assert.False(Parse("subsystem BEGINSWITH \"com.apple.coreaudio\"").Matches(entry));
        Assert.Equal(0, entry.FormatCount);
        Assert.False(entry.IsMessageFormatted);
    }

    [Fact]
    public void CheapTermsRunBeforeTheMessage()
    {
        // Written message-first; evaluation still rejects on the subsystem without formatting.
        var predicate = Parse("eventMessage CONTAINS \"setActive\" AND subsystem == \"com.apple.calls.callkit\"");
        var other = new SampleEntries.Lazy { Subsystem = "com.apple.coreaudio" };
        Assert.False(predicate.Matches(other));
        Assert.Equal(0, other.FormatCount);

        var callkit = new SampleEntries.Lazy { Subsystem = "com.apple.calls.callkit" };
        Assert.True(predicate.Matches(callkit));
        Assert.Equal(1, callkit.FormatCount);

        var costs = predicate.EvaluationCosts;
        Assert.Equal([.. costs.Order()], costs);
        Assert.True(costs[0] < costs[^1]);
    }

    [Fact]
    public void CheapOrTermsRunFirstToo()
    {
        var predicate = Parse("eventMessage MATCHES \".*x.*\" OR messageType == fault");
        var fault = new SampleEntries.Lazy { Level = LogLevel.Fault };
        Assert.True(predicate.Matches(fault));
        Assert.Equal(0, fault.FormatCount);
    }

    [Theory]
    [InlineData("subsystem == \"com.apple.calls.callkit\"", FilterDecision.Accept)]
    [InlineData("subsystem == \"other\"", FilterDecision.Reject)]
    [InlineData("subsystem == \"other\" AND eventMessage CONTAINS \"x\"", FilterDecision.Reject)]
    [InlineData("subsystem == \"com.apple.calls.callkit\" AND eventMessage CONTAINS \"x\"", FilterDecision.NeedsMessage)]
    [InlineData("subsystem == \"com.apple.calls.callkit\" OR eventMessage CONTAINS \"x\"", FilterDecision.Accept)]
    [InlineData("subsystem == \"other\" OR eventMessage CONTAINS \"x\"", FilterDecision.NeedsMessage)]
    [InlineData("NOT eventMessage CONTAINS \"x\"", FilterDecision.NeedsMessage)]
    [InlineData("NOT (subsystem == \"other\" AND eventMessage CONTAINS \"x\")", FilterDecision.Accept)]
    [InlineData("messageType >= error AND NOT processIdentifier == 84", FilterDecision.Reject)]
    public void PreCheckDecidesFromRawFields(string predicate, FilterDecision expected)
    {
        var entry = new SampleEntries.Lazy { Subsystem = "com.apple.calls.callkit", Level = LogLevel.Error, ProcessId = 84 };
        Assert.Equal(expected, Parse(predicate).PreCheck(entry));
        Assert.Equal(0, entry.FormatCount);
        if (expected != FilterDecision.NeedsMessage)
        {
            Assert.Equal(expected == FilterDecision.Accept, Parse(predicate).Matches(entry));
        }
    }
}
