namespace CallKitDoctor.Logging.Filtering;

/// <summary>The filtering options of <c>show</c> as the user typed them (null when not given).</summary>
public sealed record EntryFilterOptions(
    string? Predicate = null,
    string? Start = null,
    string? End = null,
    string? Last = null,
    bool Info = false,
    bool Debug = false,
    bool Signpost = false);
