namespace CallKitDoctor.Diagnosis.Signatures;

/// <summary>
/// One distinct anchor and the signatures (catalog indexes) it stands for. A class rather than a tuple so that the
/// collections and queries over it share the runtime's precompiled reference-type code instead of being compiled at
/// start-up for a value type.
/// </summary>
internal sealed class AnchorSignatures(string anchor, int[] signatures)
{
    /// <summary>The literal searched for.</summary>
    public string Anchor { get; } = anchor;

    /// <summary>Indexes of the signatures that own the anchor, in catalog order.</summary>
    public int[] Signatures { get; } = signatures;
}
