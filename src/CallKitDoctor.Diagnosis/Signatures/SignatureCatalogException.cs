namespace CallKitDoctor.Diagnosis.Signatures;

/// <summary>The signature catalog is malformed; <see cref="Problems"/> lists every problem found.</summary>
public sealed class SignatureCatalogException : Exception
{
    public SignatureCatalogException(IReadOnlyList<string> problems)
        : base("Invalid signature catalog: " + string.Join("; ", problems)) => Problems = problems;

    public SignatureCatalogException()
        : this(["unknown problem"])
    {
    }

    public SignatureCatalogException(string message)
        : this([message])
    {
    }

    public SignatureCatalogException(string message, Exception innerException)
        : base(message, innerException) => Problems = [message];

    public IReadOnlyList<string> Problems { get; }
}
