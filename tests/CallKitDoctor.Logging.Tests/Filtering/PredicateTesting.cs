using CallKitDoctor.Logging.Entries;
using CallKitDoctor.Logging.Filtering.Predicates;

namespace CallKitDoctor.Logging.Tests.Filtering;

/// <summary>Parse-or-fail shorthands for predicate tests.</summary>
internal static class PredicateTesting
{
    public static LogPredicate Parse(string text)
    {
        Assert.True(LogPredicate.TryParse(text, out var predicate, out var error), $"{text}: {error}");
        return predicate;
    }

    public static bool Eval(string text, LogEntry entry) => Parse(text).Matches(entry);

    public static PredicateError Fail(string text)
    {
        Assert.False(LogPredicate.TryParse(text, out _, out var error), $"'{text}' should not parse");
        return error;
    }

    /// <summary>Swaps vowels for accented ones (a→à, e→é, i→í, o→ó, u→ü) to exercise <c>[d]</c>.</summary>
    public static string Accented(string text) => string.Concat(text.Select(c => c switch
    {
        'a' => 'à',
        'e' => 'é',
        'i' => 'í',
        'o' => 'ó',
        'u' => 'ü',
        'A' => 'Å',
        'E' => 'É',
        _ => c,
    }));

    /// <summary>Quotes a value as a predicate string literal.</summary>
    public static string Quote(string value) => "\"" + value.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
}
