namespace CallKitDoctor.Logging.Filtering.Predicates;

/// <summary>The <c>[c]</c>, <c>[d]</c> and <c>[cd]</c> comparison modifiers.</summary>
[Flags]
public enum StringOptions : byte
{
    None = 0,

    /// <summary><c>[c]</c>: case-insensitive.</summary>
    CaseInsensitive = 1,

    /// <summary><c>[d]</c>: diacritic-insensitive (<c>é</c> equals <c>e</c>).</summary>
    DiacriticInsensitive = 2,
}
