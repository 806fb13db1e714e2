using CallKitDoctor.Logging.Entries;
using CallKitDoctor.Logging.Filtering;
using CallKitDoctor.Logging.Filtering.Predicates;
using CsCheck;
using static CallKitDoctor.Logging.Tests.Filtering.PredicateTesting;

namespace CallKitDoctor.Logging.Tests.Filtering;

/// <summary>
/// <see cref="LogPredicate.Decide"/>: a decision from some fields only (three-valued), which readers use to skip
/// chunks from catalog metadata. Table cases, and a property: a Reject (Accept) from the known fields holds for every
/// entry that agrees on those fields, whatever its other fields hold.
/// </summary>
public class PartialDecisionTests
{
    private static LogEntry Entry(string? process = "callservicesd", string? subsystem = "com.apple.calls.callkit", string? category = "Default",
        LogLevel level = LogLevel.Default, string message = "hello", string? sender = "CallKit", int pid = 90) => new(message)
        {
            ProcessImagePath = process is null ? null : "/usr/libexec/" + process,
            ProcessId = pid,
            Subsystem = subsystem,
            Category = category,
            Level = level,
            EventType = LogEventType.LogEvent,
            SenderImagePath = sender is null ? null : "/System/Library/Frameworks/" + sender,
        };

    [Theory]
    [InlineData("subsystem == \"com.apple.calls.callkit\"", PredicateKeySet.Subsystem, FilterDecision.Accept)]
    [InlineData("subsystem == \"com.apple.other\"", PredicateKeySet.Subsystem, FilterDecision.Reject)]
    [InlineData("subsystem == \"com.apple.other\"", PredicateKeySet.ProcessFields, FilterDecision.NeedsMessage)]
    [InlineData("subsystem IN {\"a\", \"com.apple.calls.callkit\"}", PredicateKeySet.Subsystem, FilterDecision.Accept)]
    [InlineData("NOT subsystem BEGINSWITH \"com.apple.\"", PredicateKeySet.Subsystem, FilterDecision.Reject)]
    [InlineData("subsystem == \"x\" OR eventMessage CONTAINS \"hello\"", PredicateKeySet.AllButMessage, FilterDecision.NeedsMessage)]
    [InlineData("subsystem == \"x\" AND eventMessage CONTAINS \"hello\"", PredicateKeySet.Subsystem, FilterDecision.Reject)]
    [InlineData("process == \"callservicesd\" AND sender == \"Foundation\"", PredicateKeySet.ProcessFields, FilterDecision.NeedsMessage)]
    [InlineData("process == \"other\" AND sender == \"CallKit\"", PredicateKeySet.ProcessFields, FilterDecision.Reject)]
    [InlineData("process == \"other\" OR sender == \"CallKit\"", PredicateKeySet.ProcessFields, FilterDecision.NeedsMessage)]
    [InlineData("processIdentifier == 90 OR messageType == error", PredicateKeySet.ProcessFields, FilterDecision.Accept)]
    [InlineData("processIdentifier != 90 AND messageType == error", PredicateKeySet.ProcessFields, FilterDecision.Reject)]
    [InlineData("messageType == error", PredicateKeySet.ProcessFields | PredicateKeySet.Subsystem, FilterDecision.NeedsMessage)]
    [InlineData("messageType == error", PredicateKeySet.MessageType, FilterDecision.Reject)]
    [InlineData("processImagePath ENDSWITH \"/callservicesd\"", PredicateKeySet.ProcessImagePath, FilterDecision.Accept)]
    [InlineData("FALSEPREDICATE", PredicateKeySet.None, FilterDecision.Reject)]
    [InlineData("TRUEPREDICATE OR subsystem == \"x\"", PredicateKeySet.None, FilterDecision.Accept)]
    public void DecidesFromTheKnownFieldsOnly(string predicate, PredicateKeySet known, FilterDecision expected) =>
        Assert.Equal(expected, Parse(predicate).Decide(Entry(), known));

    [Fact]
    public void PreCheckIsTheDecisionOnEverythingButTheMessage()
    {
        var predicate = Parse("subsystem == \"com.apple.calls.callkit\" AND eventMessage CONTAINS \"x\"");

        Assert.Equal(FilterDecision.NeedsMessage, predicate.PreCheck(Entry()));
        Assert.Equal(FilterDecision.Reject, predicate.PreCheck(Entry(subsystem: "other")));
        Assert.Equal(FilterDecision.Reject, predicate.Decide(Entry(), PredicateKeySet.AllButMessage | PredicateKeySet.EventMessage));
    }

    private static readonly string[] Processes = ["callservicesd", "MyApp", "mediaserverd"];
    private static readonly string?[] Subsystems = ["com.apple.calls.callkit", "com.apple.coreaudio", "com.example.app", null];
    private static readonly string?[] Categories = ["Default", "audio", null];
    private static readonly LogLevel[] Levels = [LogLevel.Default, LogLevel.Info, LogLevel.Debug, LogLevel.Error, LogLevel.Fault];
    private static readonly string[] Messages = ["hello", "Call started", "setActive failed"];
    private static readonly string?[] Senders = ["CallKit", "AVFAudio", null];

    private static T Pick<T>(Random random, T[] values) => values[random.Next(values.Length)];

    private static string Term(Random random) => random.Next(9) switch
    {
        0 => $"subsystem == {Quote(Pick(random, Subsystems) ?? "none")}",
        1 => $"subsystem BEGINSWITH[c] \"COM.APPLE.\"",
        2 => $"category IN {{{Quote(Pick(random, Categories) ?? "x")}, \"audio\"}}",
        3 => $"process == {Quote(Pick(random, Processes))}",
        4 => $"processIdentifier {(random.Next(2) == 0 ? "==" : ">")} {random.Next(88, 93)}",
        5 => $"messageType {(random.Next(2) == 0 ? "==" : ">=")} {Pick(random, new[] { "info", "error", "fault", "default" })}",
        6 => $"eventMessage CONTAINS {Quote(Pick(random, Messages)[..4])}",
        7 => $"sender == {Quote(Pick(random, Senders) ?? "x")}",
        _ => $"subsystem != {Quote(Pick(random, Subsystems) ?? "none")}",
    };

    private static string Predicate(Random random, int depth) => depth == 0 || random.Next(3) == 0
        ? Term(random)
        : random.Next(3) switch
        {
            0 => $"NOT ({Predicate(random, depth - 1)})",
            1 => $"({Predicate(random, depth - 1)}) AND ({Predicate(random, depth - 1)})",
            _ => $"({Predicate(random, depth - 1)}) OR ({Predicate(random, depth - 1)})",
        };

    private static LogEntry RandomEntry(Random random) => Entry(
        Pick(random, Processes), Pick(random, Subsystems), Pick(random, Categories), Pick(random, Levels), Pick(random, Messages),
        Pick(random, Senders), random.Next(88, 93));

    /// <summary><paramref name="entry"/>'s known fields with the others drawn again.</summary>
    private static LogEntry Reroll(Random random, LogEntry entry, PredicateKeySet known)
    {
        var other = RandomEntry(random);
        bool Knows(PredicateKey key) => PredicateKeys.IsIn(key, known);
        return Entry(
            Knows(PredicateKey.Process) ? entry.Process : other.Process,
            Knows(PredicateKey.Subsystem) ? entry.Subsystem : other.Subsystem,
            Knows(PredicateKey.Category) ? entry.Category : other.Category,
            Knows(PredicateKey.MessageType) ? entry.Level : other.Level,
            Knows(PredicateKey.EventMessage) ? entry.EventMessage : other.EventMessage,
            Knows(PredicateKey.Sender) ? SenderOf(entry) : SenderOf(other),
            Knows(PredicateKey.ProcessIdentifier) ? entry.ProcessId!.Value : other.ProcessId!.Value);
    }

    private static string? SenderOf(LogEntry entry) => entry.SenderImagePath is { } path ? path[(path.LastIndexOf('/') + 1)..] : null;

    [Fact]
    public void ADecisionHoldsWhateverTheUnknownFieldsHold()
    {
        PredicateKeySet[] knownSets =
        [
            PredicateKeySet.None, PredicateKeySet.Subsystem, PredicateKeySet.ProcessFields | PredicateKeySet.Subsystem | PredicateKeySet.Category,
            PredicateKeySet.AllButMessage, PredicateKeySet.Subsystem | PredicateKeySet.MessageType, PredicateKeySet.ProcessFields,
        ];
        var decided = 0;
        Gen.Int.Sample(seed =>
        {
            var random = new Random(seed);
            var predicate = Parse(Predicate(random, 3));
            var known = Pick(random, knownSets);
            var entry = RandomEntry(random);
            var decision = predicate.Decide(entry, known);
            if (decision == FilterDecision.NeedsMessage)
            {
                return;
            }

            decided++;
            for (var i = 0; i < 8; i++)
            {
                var variant = Reroll(random, entry, known);
                Assert.True(predicate.Matches(variant) == (decision == FilterDecision.Accept), $"{predicate} on {known}: {decision}, but not for {variant.Process}/{variant.Subsystem}/{variant.Level}");
            }
        }, iter: 4000);
        Assert.True(decided > 1000, $"only {decided} decisions");
    }
}
