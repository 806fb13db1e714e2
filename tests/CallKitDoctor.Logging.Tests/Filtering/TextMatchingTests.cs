using CallKitDoctor.Logging.Filtering.Predicates;

namespace CallKitDoctor.Logging.Tests.Filtering;

/// <summary>Diacritic folding and the LIKE matcher on their own.</summary>
public class TextMatchingTests
{
    [Theory]
    [InlineData("Café", "Cafe")]
    [InlineData("ÅNGSTRÖM", "ANGSTROM")]
    [InlineData("Ñandú", "Nandu")]
    [InlineData("Tiếng Việt", "Tieng Viet")]
    [InlineData("e\u0301t\u00e9", "ete")]
    [InlineData("Œuvre ø ß Æ", "Œuvre ø ß Æ")]
    [InlineData("plain ascii", "plain ascii")]
    [InlineData("", "")]
    public void FoldsDiacritics(string text, string expected) => Assert.Equal(expected, DiacriticFolding.Fold(text));

    [Fact]
    public void AsciiFoldsWithoutAllocating()
    {
        var text = "com.apple.calls.callkit";
        Assert.Same(text, DiacriticFolding.Fold(text));
    }

    [Theory]
    [InlineData("*", "", true)]
    [InlineData("?", "", false)]
    [InlineData("a*", "abc", true)]
    [InlineData("*c", "abc", true)]
    [InlineData("*b*", "abc", true)]
    [InlineData("a*c*e", "abcde", true)]
    [InlineData("a*c*e", "abcdef", false)]
    [InlineData("a*a*a*a*a*b", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", false)]
    [InlineData("A?C", "abc", false)]
    public void LikeMatchesWildcards(string pattern, string value, bool expected) =>
        Assert.Equal(expected, new WildcardPattern(pattern, ignoreCase: false).IsMatch(value));

    [Fact]
    public void LikeFoldsCaseWhenAsked() => Assert.True(new WildcardPattern("A?C", ignoreCase: true).IsMatch("abc"));
}
