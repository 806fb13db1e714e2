using static CallKitDoctor.Logging.Tests.Filtering.PredicateTesting;

namespace CallKitDoctor.Logging.Tests.Filtering;

/// <summary>
/// Every text key against every operator, with and without <c>[c]</c>, <c>[d]</c> and <c>[cd]</c>. Literals are derived
/// from the entry's actual value (changed in case, accents or content) so each row has a known answer.
/// </summary>
public class TextKeyOperatorTests
{
    public static TheoryData<string, string, bool> Rows()
    {
        var rows = new TheoryData<string, string, bool>();
        foreach (var (key, value) in SampleEntries.TextValues)
        {
            var upper = value.ToUpperInvariant();
            var lower = value.ToLowerInvariant();
            var accented = Accented(value);
            var prefix = value[..4];
            var suffix = value[^4..];
            var middle = value.Substring(value.Length / 2 - 2, 4);
            var differs = upper != value;

            void Row(string op, string literal, bool expected) => rows.Add(key, $"{key} {op} {Quote(literal)}", expected);

            Row("==", value, true);
            Row("=", value, true);
            Row("==", value + "x", false);
            Row("==", upper, !differs);
            Row("==[c]", upper, true);
            Row("==[c]", lower, true);
            Row("==[d]", accented, true);
            Row("==", accented, accented == value);
            Row("==[cd]", Accented(upper), true);
            Row("==[d]", upper, !differs);
            Row("!=", value, false);
            Row("<>", value + "x", true);
            Row("!=[c]", upper, false);
            Row("<", value + "~", true);
            Row("<", value, false);
            Row("<=", value, true);
            Row("=<", value, true);
            Row(">", value, false);
            Row(">", value[..^1], true);
            Row(">=", value, true);
            Row("=>", value + "~", false);
            Row("BEGINSWITH", prefix, true);
            Row("BEGINSWITH", suffix, value.StartsWith(suffix, StringComparison.Ordinal));
            Row("BEGINSWITH[c]", prefix.ToUpperInvariant(), true);
            Row("beginswith[cd]", Accented(prefix.ToUpperInvariant()), true);
            Row("ENDSWITH", suffix, true);
            Row("ENDSWITH[c]", suffix.ToLowerInvariant(), true);
            Row("ENDSWITH[d]", Accented(suffix), true);
            Row("ENDSWITH", prefix, value.EndsWith(prefix, StringComparison.Ordinal));
            Row("CONTAINS", middle, true);
            Row("CONTAINS", "zzqq", false);
            Row("CONTAINS[c]", middle.ToUpperInvariant(), true);
            Row("contains[d]", Accented(middle), true);
            Row("CONTAINS[cd]", Accented(middle.ToUpperInvariant()), true);
            Row("LIKE", prefix + "*", true);
            Row("LIKE", "*" + middle + "*", true);
            Row("LIKE", "?" + value[1..], true);
            Row("LIKE", value[..^1] + "??", false);
            Row("LIKE[c]", "*" + suffix.ToUpperInvariant(), true);
            Row("LIKE[d]", Accented(prefix) + "*", true);
            Row("MATCHES", ".*" + System.Text.RegularExpressions.Regex.Escape(middle) + ".*", true);
            Row("MATCHES", System.Text.RegularExpressions.Regex.Escape(middle), value == middle);
            Row("MATCHES[c]", System.Text.RegularExpressions.Regex.Escape(upper), true);
            Row("MATCHES[cd]", System.Text.RegularExpressions.Regex.Escape(Accented(upper)), true);
            rows.Add(key, $"{key} IN {{\"nope\", {Quote(value)}}}", true);
            rows.Add(key, $"{key} IN {{\"nope\", {Quote(upper + "x")}}}", false);
            rows.Add(key, $"{key} IN[c] {{{Quote(lower)}}}", true);
            rows.Add(key, $"{key} IN[cd] {{{Quote(Accented(lower))}}}", true);
        }

        return rows;
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public void TextKeyComparison(string key, string predicate, bool expected)
    {
        Assert.NotNull(key);
        Assert.Equal(expected, Eval(predicate, SampleEntries.CallKitError()));
    }

    [Theory]
    [InlineData("subsystem")]
    [InlineData("category")]
    [InlineData("process")]
    [InlineData("processImagePath")]
    [InlineData("sender")]
    [InlineData("senderImagePath")]
    [InlineData("formatString")]
    [InlineData("bootUUID")]
    public void MissingFieldEqualsNothingButIsUnequalToEverything(string key)
    {
        var empty = new CallKitDoctor.Logging.Entries.LogEntry("x");
        Assert.False(Eval($"{key} == \"a\"", empty));
        Assert.False(Eval($"{key} CONTAINS \"\"", empty));
        Assert.False(Eval($"{key} LIKE \"*\"", empty));
        Assert.True(Eval($"{key} != \"a\"", empty));
        Assert.True(Eval($"NOT {key} == \"a\"", empty));
    }

    [Fact]
    public void BootUuidLiteralMatchesInAnyCase()
    {
        var entry = SampleEntries.CallKitError();
        Assert.True(Eval("bootUUID == \"5d3c0a6e-8b1f-4a7e-9c2d-1f0e3b4a5c6d\"", entry));
        Assert.False(Eval("bootUUID == \"00000000-8b1f-4a7e-9c2d-1f0e3b4a5c6d\"", entry));
    }

    [Fact]
    public void SenderFallsBackToTheImageName()
    {
        var entry = new CallKitDoctor.Logging.Entries.LogEntry("x") { SenderImagePath = "/usr/lib/libAudioToolboxUtility.dylib" };
        Assert.True(Eval("sender == \"libAudioToolboxUtility.dylib\"", entry));
    }

    [Fact]
    public void DiacriticFoldingOnlyAppliesWithTheModifier()
    {
        var entry = SampleEntries.CallKitError();
        Assert.False(Eval("eventMessage CONTAINS \"Cafe\"", entry));
        Assert.True(Eval("eventMessage CONTAINS[d] \"Cafe\"", entry));
        Assert.False(Eval("eventMessage CONTAINS[d] \"cafe\"", entry));
        Assert.True(Eval("eventMessage CONTAINS[cd] \"CAFE\"", entry));
        Assert.True(Eval("eventMessage CONTAINS[c] \"CAFÉ\"", entry));
    }
}
