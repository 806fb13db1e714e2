using System.Text.RegularExpressions;
using CallKitDoctor.Diagnosis.Signatures;

namespace CallKitDoctor.Diagnosis.Tests.Signatures;

public class FormatStringPatternTests
{
    private static Match Run(string format, string rendered) =>
        new Regex(FormatStringPattern.Create(format).Regex, RegexOptions.Singleline).Match(rendered);

    [Theory]
    [InlineData("Provider %@ was asked", "Provider <private> was asked")]
    [InlineData("Provider %{public}@ was asked", "Provider <CXProvider: 0x1> was asked")]
    [InlineData("Received %s with UUID: %@", "Received -[CXCallSource reportNewOutgoingCallWithUUID:update:] with UUID: <redacted>")]
    [InlineData("Got %{public}s", "Got <…>")]
    [InlineData("Delivering %lu payload(s)", "Delivering 12 payload(s)")]
    [InlineData("reason %ld", "reason -3")]
    [InlineData("count %u", "count 7")]
    [InlineData("session 0x%x", "session 0xd387b18")]
    [InlineData("ptr %p", "ptr 0x10a2b3c40")]
    [InlineData("shared:%{BOOL}u", "shared:YES")]
    [InlineData("100%% sure %d", "100% sure 1")]
    [InlineData("hash %@", "hash <mask.hash: 'Zm9vYmFy'>")]
    public void SpecifiersAcceptValuesAndRedactions(string format, string rendered)
    {
        Assert.True(Run(format, rendered).Success);
    }

    [Theory]
    [InlineData("with active: %d", "with active: yes")]
    [InlineData("session 0x%x", "session 0xZZZ")]
    [InlineData("shared:%{BOOL}u", "shared:maybe")]
    [InlineData("100%% sure", "100 sure")]
    public void TypedSpecifiersRejectOtherText(string format, string rendered)
    {
        Assert.False(Run(format, rendered).Success);
    }

    [Theory]
    [InlineData("    AVAudioSession_iOS.mm:984   Activated session 0xd387b18", "984")]
    [InlineData("AVAudioSession_iOS.mm:1072 Activated session 0x1", "1072")]
    [InlineData("                  AVAudioSession_iOS.mm:7     Activated session 0x1", "7")]
    public void FileAndLinePaddingIsFlexible(string rendered, string line)
    {
        var match = Run("%25s:%-5d %s session 0x%x", rendered);

        Assert.True(match.Success);
        Assert.Equal("AVAudioSession_iOS.mm", match.Groups["a1"].Value);
        Assert.Equal(line, match.Groups["a2"].Value);
        Assert.Equal("Activated", match.Groups["a3"].Value);
    }

    [Fact]
    public void LiteralsExcludeFlexiblePadding()
    {
        var pattern = FormatStringPattern.Create("%25s:%-5d Creating proxy session failed, session ID = 0x%x, error = %@");

        Assert.Equal(4, pattern.Arguments);
        Assert.Contains("Creating proxy session failed, session ID = 0x", pattern.Literals);
        Assert.DoesNotContain(pattern.Literals, l => l.StartsWith(' '));
    }

    [Fact]
    public void LastObjectArgumentTakesTheMultiLineRest()
    {
        var match = Run("Received request to commit transaction %@", "Received request to commit transaction <CXTransaction 0x1 actions=(\n  \"<CXAnswerCallAction>\"\n)>");

        Assert.EndsWith(")>", match.Groups["a1"].Value, StringComparison.Ordinal);
    }

    [Fact]
    public void FirstWordIsAWordBoundary()
    {
        Assert.False(Run("self: %@", "myself: <CXXPCProvider: 0x1>").Success);
        Assert.True(Run("self: %@", "[x] self: <CXXPCProvider: 0x1>").Success);
    }

    [Fact]
    public void MalformedSpecifiersAreLiteral()
    {
        var pattern = FormatStringPattern.Create("rate 5%, ok %{public");

        Assert.Equal(0, pattern.Arguments);
        Assert.True(Run("rate 5%, ok %{public", "rate 5%, ok %{public").Success);
    }
}
