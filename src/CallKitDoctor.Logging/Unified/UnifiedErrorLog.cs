namespace CallKitDoctor.Logging.Unified;

/// <summary>
/// Collects <see cref="UnifiedFormatError"/>s for one reader. Keeps the first <see cref="MaxKept"/> and counts the
/// rest, so hostile input with millions of bad records cannot grow memory.
/// </summary>
public sealed class UnifiedErrorLog
{
    /// <summary>How many errors are kept in <see cref="Errors"/>.</summary>
    public const int MaxKept = 200;

    private readonly List<UnifiedFormatError> _errors = [];

    /// <summary>The first errors met.</summary>
    public IReadOnlyList<UnifiedFormatError> Errors => _errors;

    /// <summary>All errors met, kept or not.</summary>
    public long Count { get; private set; }

    /// <summary>Records an error.</summary>
    public void Add(UnifiedErrorKind kind, string file, long byteOffset, string message)
    {
        Count++;
        if (_errors.Count < MaxKept)
        {
            _errors.Add(new UnifiedFormatError(kind, file, byteOffset, message));
        }
    }
}
