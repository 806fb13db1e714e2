namespace CallKitDoctor.Diagnosis.Tests.Signatures;

/// <summary>
/// A rendered line a signature must recognise. <paramref name="Process"/> is the process the line comes from (null for
/// bare lines); <paramref name="RenderedId"/> names the signature expected on the rendered path when an earlier,
/// equivalent signature shadows this one there (the exact path still reaches this one through its format string).
/// </summary>
public sealed record SignatureExample(string Id, string? Process, string Line, string? RenderedId = null)
{
    public string ExpectedRenderedId => RenderedId ?? Id;

    public override string ToString() => $"{Id}: {Line}";
}
