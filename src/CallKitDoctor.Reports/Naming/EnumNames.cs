namespace CallKitDoctor.Reports.Naming;

/// <summary>The kebab-case names of an enum's values, computed once per type.</summary>
/// <typeparam name="TEnum">The enum type.</typeparam>
internal static class EnumNames<TEnum>
    where TEnum : struct, Enum
{
    private static readonly Dictionary<TEnum, string> Names =
        Enum.GetValues<TEnum>().Distinct().ToDictionary(v => v, v => KebabCase.From(v.ToString()));

    /// <summary>Every value in declaration order.</summary>
    public static IReadOnlyList<TEnum> Values { get; } = Enum.GetValues<TEnum>().Distinct().ToArray();

    /// <summary>The value's kebab-case name (its number for values the enum does not declare).</summary>
    public static string Of(TEnum value) => Names.TryGetValue(value, out var name) ? name : value.ToString();

    /// <summary>Finds a value by its kebab-case name (case-insensitive).</summary>
    public static bool TryParse(string name, out TEnum value)
    {
        foreach (var (key, text) in Names)
        {
            if (string.Equals(text, name, StringComparison.OrdinalIgnoreCase))
            {
                value = key;
                return true;
            }
        }

        value = default;
        return false;
    }
}
