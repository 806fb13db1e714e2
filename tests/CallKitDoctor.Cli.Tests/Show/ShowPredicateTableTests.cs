using static CallKitDoctor.Cli.Tests.Show.ShownEntry;

namespace CallKitDoctor.Cli.Tests.Show;

/// <summary>
/// Every predicate key and operator through <c>show --predicate</c>, on a text export and on a generated sysdiagnose:
/// the filtered output must be exactly the unfiltered output (with every level shown) kept by an independent oracle
/// written over the printed fields, and must keep some entries and drop others.
/// </summary>
public sealed class ShowPredicateTableTests(ShowInputs inputs) : IClassFixture<ShowInputs>
{
    private static readonly string[] Everything = ["--info", "--debug", "--signpost"];

    /// <summary>Predicates over the text export, each with the entries it must keep.</summary>
    private static readonly Dictionary<string, Func<ShownEntry, bool>> TextRows = new()
    {
        ["process == \"Glip\""] = e => e.Process == "Glip",
        ["process != \"callservicesd\""] = e => e.Process != "callservicesd",
        ["process ==[c] \"GLIP\""] = e => e.Process == "Glip",
        ["process IN {\"mediaserverd\", \"SpringBoard\"}"] = e => e.Process is "mediaserverd" or "SpringBoard",
        ["processImagePath BEGINSWITH \"/System/Library\""] = e => e.ProcessImagePath.StartsWith("/System/Library", StringComparison.Ordinal),
        ["processImagePath ENDSWITH \"Glip\""] = e => e.ProcessImagePath.EndsWith("Glip", StringComparison.Ordinal),
        ["processIdentifier == 127"] = e => e.ProcessId == 127,
        ["processIdentifier != 127"] = e => e.ProcessId != 127,
        ["processIdentifier < 100"] = e => e.ProcessId < 100,
        ["processIdentifier <= 95"] = e => e.ProcessId <= 95,
        ["processIdentifier > 127"] = e => e.ProcessId > 127,
        ["processIdentifier >= 127"] = e => e.ProcessId >= 127,
        ["processIdentifier IN {34, 95}"] = e => e.ProcessId is 34 or 95,
        ["sender == \"CallKit\""] = e => e.Sender == "CallKit",
        ["sender BEGINSWITH[c] \"audio\""] = e => e.Sender.StartsWith("Audio", StringComparison.Ordinal),
        ["senderImagePath CONTAINS \"/Frameworks/\""] = e => e.SenderImagePath.Contains("/Frameworks/", StringComparison.Ordinal),
        ["subsystem == \"com.glip.voip\""] = e => e.Subsystem == "com.glip.voip",
        ["subsystem BEGINSWITH \"com.apple.calls\""] = e => e.Subsystem.StartsWith("com.apple.calls", StringComparison.Ordinal),
        ["subsystem ENDSWITH[c] \"SPRINGBOARD\""] = e => FoldCase(e.Subsystem).EndsWith("SPRINGBOARD", StringComparison.Ordinal),
        ["subsystem IN {\"com.apple.coreaudio\", \"com.apple.SpringBoard\"}"] = e => e.Subsystem is "com.apple.coreaudio" or "com.apple.SpringBoard",
        ["category == \"Default\""] = e => e.Category == "Default",
        ["category LIKE \"A*\""] = e => e.Category.StartsWith('A'),
        ["category LIKE[c] \"?ush\""] = e => e.Category.Length == 4 && FoldCase(e.Category).EndsWith("USH", StringComparison.Ordinal),
        ["eventMessage CONTAINS \"Caf\""] = e => e.EventMessage.Contains("Caf", StringComparison.Ordinal),
        ["eventMessage CONTAINS[c] \"café\""] = e => FoldCase(e.EventMessage).Contains("CAFÉ", StringComparison.Ordinal),
        ["eventMessage CONTAINS[d] \"Cafe\""] = e => FoldDiacritics(e.EventMessage).Contains("Cafe", StringComparison.Ordinal),
        ["eventMessage CONTAINS[cd] \"cafe\""] = e => FoldCase(FoldDiacritics(e.EventMessage)).Contains("CAFE", StringComparison.Ordinal),
        ["eventMessage ==[cd] \"cafe call ended\""] = e => FoldCase(FoldDiacritics(e.EventMessage)) == "CAFE CALL ENDED",
        ["composedMessage MATCHES \".*session.*\""] = e => e.EventMessage.Contains("session", StringComparison.Ordinal),
        ["composedMessage MATCHES[c] \"session [0-9]+ .*\""] = e => FoldCase(e.EventMessage).StartsWith("SESSION 42", StringComparison.Ordinal),
        ["eventMessage BEGINSWITH \"Dismissed\""] = e => e.EventMessage.StartsWith("Dismissed", StringComparison.Ordinal),
        ["formatString ENDSWITH \"%d\""] = e => e.FormatString.EndsWith("%d", StringComparison.Ordinal),
        ["formatString CONTAINS \"%{public}@\""] = e => e.FormatString.Contains("%{public}@", StringComparison.Ordinal),
        ["messageType == error"] = e => e.MessageType == "Error",
        ["messageType >= error"] = e => e.Level >= 16,
        ["messageType < error"] = e => e.Level is >= 0 and < 16,
        ["logType == fault"] = e => e.MessageType == "Fault",
        ["messageType == info"] = e => e.MessageType == "Info",
        ["messageType == debug"] = e => e.MessageType == "Debug",
        ["messageType == default"] = e => e.MessageType == "Default",
        ["messageType == 16"] = e => e.Level == 16,
        ["eventType == signpostEvent"] = e => e.EventType == "signpostEvent",
        ["eventType != signpostEvent"] = e => e.EventType != "signpostEvent",
        ["threadIdentifier == 11329"] = e => e.ThreadId == 11329,
        ["threadIdentifier == 0x12c"] = e => e.ThreadId == 0x12c,
        ["threadIdentifier > 241136"] = e => e.ThreadId > 241136,
        ["activityIdentifier == 0x5e1f"] = e => e.ActivityId == 0x5e1f,
        ["activityIdentifier != 0"] = e => e.ActivityId != 0,
        ["bootUUID == \"" + ShowInputs.BootB + "\""] = e => e.BootUuid == ShowInputs.BootB,
        ["bootUUID ==[c] \"" + "0a1b2c3d-4e5f-4061-8728-394a5b6c7d8e" + "\""] = e => e.BootUuid == ShowInputs.BootB,
        ["bootUUID != \"" + ShowInputs.BootB + "\""] = e => e.BootUuid != ShowInputs.BootB,

        // Precedence: NOT binds tighter than AND, AND tighter than OR; parentheses override; C-style spellings.
        ["process == \"Glip\" OR process == \"mediaserverd\" AND messageType == error"] = e => e.Process == "Glip" || (e.Process == "mediaserverd" && e.MessageType == "Error"),
        ["(process == \"Glip\" OR process == \"mediaserverd\") AND messageType == error"] = e => e.Process is "Glip" or "mediaserverd" && e.MessageType == "Error",
        ["NOT process == \"Glip\" AND subsystem BEGINSWITH \"com.apple\""] = e => e.Process != "Glip" && e.Subsystem.StartsWith("com.apple", StringComparison.Ordinal),
        ["NOT (process == \"Glip\" OR process == \"callservicesd\")"] = e => e.Process is not ("Glip" or "callservicesd"),
        ["! process == \"Glip\" || processIdentifier == 1892 && messageType == info"] = e => e.Process != "Glip" || (e.ProcessId == 1892 && e.MessageType == "Info"),
        ["subsystem == \"com.apple.calls.callkit\" AND (eventMessage CONTAINS[c] \"ended\" OR messageType >= error)"] =
            e => e.Subsystem == "com.apple.calls.callkit" && (e.EventMessage.Contains("ended", StringComparison.OrdinalIgnoreCase) || e.Level >= 16),
    };

    /// <summary>Predicates over the generated sysdiagnose of the seed production flow.</summary>
    private static readonly Dictionary<string, Func<ShownEntry, bool>> UnifiedRows = new()
    {
        ["subsystem == \"com.apple.calls.callkit\""] = e => e.Subsystem == "com.apple.calls.callkit",
        ["process == \"callservicesd\""] = e => e.Process == "callservicesd",
        ["processIdentifier == 127"] = e => e.ProcessId == 127,
        ["processIdentifier > 127"] = e => e.ProcessId > 127,
        ["processImagePath CONTAINS[c] \"springboard\""] = e => FoldCase(e.ProcessImagePath).Contains("SPRINGBOARD", StringComparison.Ordinal),
        ["sender == \"CallKit\""] = e => e.Sender == "CallKit",
        ["senderImagePath ENDSWITH \"/CallKit\""] = e => e.SenderImagePath.EndsWith("/CallKit", StringComparison.Ordinal),
        ["category != \"Default\""] = e => e.Category != "Default",
        ["eventMessage CONTAINS[c] \"PROXY SESSION\""] = e => FoldCase(e.EventMessage).Contains("PROXY SESSION", StringComparison.Ordinal),
        ["eventMessage LIKE \"*transaction*\""] = e => e.EventMessage.Contains("transaction", StringComparison.Ordinal),
        ["formatString BEGINSWITH \"Received\""] = e => e.FormatString.StartsWith("Received", StringComparison.Ordinal),
        ["threadIdentifier == 0x2c41"] = e => e.ThreadId == 0x2c41,
        ["messageType == default"] = e => e.MessageType == "Default",
        ["subsystem == \"com.apple.calls.callkit\" AND NOT process == \"callservicesd\""] = e => e.Subsystem == "com.apple.calls.callkit" && e.Process != "callservicesd",
    };

    public static TheoryData<string> TextPredicates => [.. TextRows.Keys];

    public static TheoryData<string> UnifiedPredicates => [.. UnifiedRows.Keys];

    [Theory]
    [MemberData(nameof(TextPredicates))]
    public void TextExportKeepsWhatTheOracleKeeps(string predicate)
    {
        var all = Run([inputs.TextLog, .. Everything]);
        var kept = Run([inputs.TextLog, "--predicate", predicate, .. Everything]);

        var expected = all.Where(TextRows[predicate]).ToList();
        Assert.Equal(expected, kept);
        Assert.InRange(kept.Count, 1, all.Count - 1);
    }

    [Theory]
    [MemberData(nameof(UnifiedPredicates))]
    public void SysdiagnoseKeepsWhatTheOracleKeeps(string predicate)
    {
        var all = Run([inputs.SysdiagnoseTarGz, .. Everything]);
        var kept = Run([inputs.SysdiagnoseTarGz, "--predicate", predicate, .. Everything]);

        var expected = all.Where(UnifiedRows[predicate]).ToList();
        Assert.Equal(expected, kept);
        Assert.InRange(kept.Count, 1, all.Count - 1);
        Assert.Equal(kept, Run([inputs.SysdiagnoseFolder, "--predicate", predicate, .. Everything]));
    }

    [Fact]
    public void TheTextExportCoversEveryKeyAndOperator()
    {
        var keys = new[]
        {
            "process", "processImagePath", "processIdentifier", "sender", "senderImagePath", "subsystem", "category", "eventMessage",
            "composedMessage", "formatString", "messageType", "logType", "eventType", "threadIdentifier", "activityIdentifier", "bootUUID",
        };
        var operators = new[] { " == ", " != ", " < ", " <= ", " > ", " >= ", " BEGINSWITH", " ENDSWITH", " CONTAINS", " LIKE", " MATCHES", " IN ", "[c]", "[d]", "[cd]", " AND ", " OR ", "NOT ", "(" };

        Assert.All(keys, key => Assert.Contains(TextRows.Keys, p => p.StartsWith(key + " ", StringComparison.Ordinal) || p.Contains(" " + key + " ", StringComparison.Ordinal)));
        Assert.All(operators, op => Assert.Contains(TextRows.Keys, p => p.Contains(op, StringComparison.Ordinal)));
    }
}
